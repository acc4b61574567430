package io.chanmarket.admin.auth;

import io.chanmarket.admin.identity.Role;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Accounts over {@link AdminUserRows}: what the sign-in, the first admin and the accounts page ask of them. */
@Singleton
class AccountRepository {

    private final AdminUserRows rows;

    AccountRepository(AdminUserRows rows) {
        this.rows = rows;
    }

    record Stored(Account account, String passwordHash) {
    }

    Optional<Stored> findByUsername(String username) {
        return rows.findByUsername(username).map(AccountRepository::stored);
    }

    Optional<Stored> findById(long id) {
        return rows.findById(id).map(AccountRepository::stored);
    }

    List<Account> list() {
        return rows.listOrderByUsername().stream().map(AdminUserRow::account).toList();
    }

    boolean anyActiveAdmin() {
        return rows.existsByRoleAndActive(Role.ADMIN, true);
    }

    long countActiveAdmins() {
        return rows.countByRoleAndActive(Role.ADMIN, true);
    }

    /** Inserts an account; empty when the username is taken. */
    Optional<Long> insert(String username, Role role, String passwordHash) {
        return insert(username, role, passwordHash, false);
    }

    /** Inserts an account, optionally forced to change its password at first sign-in; empty when the name is taken. */
    Optional<Long> insert(String username, Role role, String passwordHash, boolean mustChangePassword) {
        if (rows.insertUnlessTaken(username, role.name(), passwordHash, mustChangePassword) == 0) {
            return Optional.empty();
        }
        return rows.findByUsername(username).map(AdminUserRow::id);
    }

    /** Updates role, active flag and (when given) the password if the version still matches. */
    boolean update(long id, long expectedVersion, Role role, boolean active, String newPasswordHash) {
        Optional<AdminUserRow> row = rows.findById(id);
        if (row.isEmpty() || row.get().version() != expectedVersion) {
            return false;
        }
        try {
            rows.update(row.get().edited(expectedVersion, role, active, newPasswordHash));
            return true;
        } catch (OptimisticLockException e) {
            return false;
        }
    }

    /** Sets the account's own new password and clears the forced change. */
    boolean changePassword(long id, String newPasswordHash) {
        return rows.changePassword(id, newPasswordHash) == 1;
    }

    private static Stored stored(AdminUserRow row) {
        return new Stored(row.account(), row.passwordHash());
    }
}
