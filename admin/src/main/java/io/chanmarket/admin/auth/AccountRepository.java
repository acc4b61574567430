package io.chanmarket.admin.auth;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL over {@code admin_user}. */
@Singleton
class AccountRepository {

    private static final String COLUMNS = "id, username, role, active, version, created_at, password_hash";

    private final JdbcOperations jdbc;

    AccountRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(Account account, String passwordHash) {
    }

    Optional<Stored> findByUsername(String username) {
        return one("SELECT " + COLUMNS + " FROM admin_user WHERE username = ?", ps -> ps.setString(1, username));
    }

    Optional<Stored> findById(long id) {
        return one("SELECT " + COLUMNS + " FROM admin_user WHERE id = ?", ps -> ps.setLong(1, id));
    }

    List<Account> list() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM admin_user ORDER BY username", ps -> {
            List<Account> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs).account());
                }
            }
            return out;
        });
    }

    boolean anyActiveAdmin() {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM admin_user WHERE role = 'ADMIN' AND active)", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    long countActiveAdmins() {
        return jdbc.prepareStatement("SELECT count(*) FROM admin_user WHERE role = 'ADMIN' AND active", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Inserts an account; empty when the username is taken. */
    Optional<Long> insert(String username, Role role, String passwordHash) {
        return insert(username, role, passwordHash, false);
    }

    /** Inserts an account, optionally forced to change its password at first sign-in; empty when the name is taken. */
    Optional<Long> insert(String username, Role role, String passwordHash, boolean mustChangePassword) {
        return jdbc.prepareStatement("""
                INSERT INTO admin_user (username, role, password_hash, must_change_password) VALUES (?, ?, ?, ?)
                ON CONFLICT (username) DO NOTHING RETURNING id""", ps -> {
            ps.setString(1, username);
            ps.setString(2, role.name());
            ps.setString(3, passwordHash);
            ps.setBoolean(4, mustChangePassword);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        });
    }

    /** Updates role, active flag and (when given) the password if the version still matches. */
    boolean update(long id, long expectedVersion, Role role, boolean active, String newPasswordHash) {
        return jdbc.prepareStatement("""
                UPDATE admin_user SET role = ?, active = ?, password_hash = COALESCE(?, password_hash),
                       version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""", ps -> {
            ps.setString(1, role.name());
            ps.setBoolean(2, active);
            ps.setString(3, newPasswordHash);
            ps.setLong(4, id);
            ps.setLong(5, expectedVersion);
            return ps.executeUpdate() == 1;
        });
    }

    /** Sets the account's own new password and clears the forced change. */
    boolean changePassword(long id, String newPasswordHash) {
        return jdbc.prepareStatement("""
                UPDATE admin_user SET password_hash = ?, must_change_password = FALSE, version = version + 1,
                       updated_at = now()
                WHERE id = ? AND active""", ps -> {
            ps.setString(1, newPasswordHash);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<Stored> one(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private static Stored read(ResultSet rs) throws SQLException {
        Account account = new Account(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant());
        return new Stored(account, rs.getString("password_hash"));
    }
}
