package io.chanmarket.admin.auth;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Role;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** SQL over {@code admin_session} and {@code login_attempt}. */
@Singleton
class SessionRepository {

    private final JdbcOperations jdbc;

    SessionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Live(AdminPrincipal principal, Instant lastSeenAt) {
    }

    void insert(String tokenHash, long userId, String csrfToken, Instant expiresAt) {
        jdbc.prepareStatement(
                "INSERT INTO admin_session (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)", ps -> {
                    ps.setString(1, tokenHash);
                    ps.setLong(2, userId);
                    ps.setString(3, csrfToken);
                    ps.setTimestamp(4, Timestamp.from(expiresAt));
                    return ps.executeUpdate();
                });
    }

    /** The session's account when the session is neither expired nor idle too long and the account is active. */
    Optional<Live> findLive(String tokenHash, Duration idle) {
        return jdbc.prepareStatement("""
                SELECT u.id, u.username, u.role, s.csrf_token, s.last_seen_at, u.must_change_password
                FROM admin_session s JOIN admin_user u ON u.id = s.user_id
                WHERE s.token_hash = ? AND s.expires_at > now() AND s.last_seen_at > now() - ? * interval '1 second'
                  AND u.active""", ps -> {
            ps.setString(1, tokenHash);
            ps.setLong(2, idle.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                AdminPrincipal principal = new AdminPrincipal(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(6));
                return Optional.of(new Live(principal, rs.getTimestamp(5).toInstant()));
            }
        });
    }

    void touch(String tokenHash) {
        jdbc.prepareStatement("UPDATE admin_session SET last_seen_at = now() WHERE token_hash = ?", ps -> {
            ps.setString(1, tokenHash);
            return ps.executeUpdate();
        });
    }

    void delete(String tokenHash) {
        jdbc.prepareStatement("DELETE FROM admin_session WHERE token_hash = ?", ps -> {
            ps.setString(1, tokenHash);
            return ps.executeUpdate();
        });
    }

    void deleteForUser(long userId) {
        jdbc.prepareStatement("DELETE FROM admin_session WHERE user_id = ?", ps -> {
            ps.setLong(1, userId);
            return ps.executeUpdate();
        });
    }

    void deleteOtherSessions(long userId, String keptTokenHash) {
        jdbc.prepareStatement("DELETE FROM admin_session WHERE user_id = ? AND token_hash <> ?", ps -> {
            ps.setLong(1, userId);
            ps.setString(2, keptTokenHash);
            return ps.executeUpdate();
        });
    }

    void deleteExpired(Duration idle) {
        jdbc.prepareStatement(
                "DELETE FROM admin_session WHERE expires_at <= now() OR last_seen_at <= now() - ? * interval '1 second'",
                ps -> {
                    ps.setLong(1, idle.toSeconds());
                    return ps.executeUpdate();
                });
    }

    void recordAttempt(String username, String ip, boolean success) {
        jdbc.prepareStatement("INSERT INTO login_attempt (username, ip, success) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, username);
            ps.setString(2, ip);
            ps.setBoolean(3, success);
            return ps.executeUpdate();
        });
    }

    /** Failures for the username within the window and since its last successful sign-in. */
    long recentUserFailures(String username, Duration window) {
        return count("""
                SELECT count(*) FROM login_attempt
                WHERE username = ? AND NOT success AND attempted_at > now() - ? * interval '1 second'
                  AND attempted_at > COALESCE((SELECT max(attempted_at) FROM login_attempt
                                               WHERE username = ? AND success), '-infinity')""", username, window);
    }

    /** Failures from the address within the window and since its last successful sign-in. */
    long recentIpFailures(String ip, Duration window) {
        return count("""
                SELECT count(*) FROM login_attempt
                WHERE ip = ? AND NOT success AND attempted_at > now() - ? * interval '1 second'
                  AND attempted_at > COALESCE((SELECT max(attempted_at) FROM login_attempt
                                               WHERE ip = ? AND success), '-infinity')""", ip, window);
    }

    /** Failures counted for throttling, and when the last of them was. */
    record Failures(long count, Instant last) {
    }

    /** Failures of the username from the address within the window and since the pair's last success. */
    Failures pairFailures(String username, String ip, Duration window) {
        return jdbc.prepareStatement("""
                SELECT count(*), max(attempted_at) FROM login_attempt
                WHERE username = ? AND ip = ? AND NOT success AND attempted_at > now() - ? * interval '1 second'
                  AND attempted_at > COALESCE((SELECT max(attempted_at) FROM login_attempt
                                               WHERE username = ? AND ip = ? AND success), '-infinity')""", ps -> {
            ps.setString(1, username);
            ps.setString(2, ip);
            ps.setLong(3, window.toSeconds());
            ps.setString(4, username);
            ps.setString(5, ip);
            return failures(ps);
        });
    }

    /** Failures from the address within the window and since its last successful sign-in. */
    Failures addressFailures(String ip, Duration window) {
        return jdbc.prepareStatement("""
                SELECT count(*), max(attempted_at) FROM login_attempt
                WHERE ip = ? AND NOT success AND attempted_at > now() - ? * interval '1 second'
                  AND attempted_at > COALESCE((SELECT max(attempted_at) FROM login_attempt
                                               WHERE ip = ? AND success), '-infinity')""", ps -> {
            ps.setString(1, ip);
            ps.setLong(2, window.toSeconds());
            ps.setString(3, ip);
            return failures(ps);
        });
    }

    private static Failures failures(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            java.sql.Timestamp last = rs.getTimestamp(2);
            return new Failures(rs.getLong(1), last == null ? null : last.toInstant());
        }
    }

    void deleteAttemptsBefore(Duration window) {
        jdbc.prepareStatement("DELETE FROM login_attempt WHERE attempted_at < now() - ? * interval '1 second'", ps -> {
            ps.setLong(1, window.toSeconds());
            return ps.executeUpdate();
        });
    }

    private long count(String sql, String key, Duration window) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, key);
            ps.setLong(2, window.toSeconds());
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
