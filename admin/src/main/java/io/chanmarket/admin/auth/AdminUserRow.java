package io.chanmarket.admin.auth;

import io.chanmarket.admin.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * An {@code admin_user} row. {@code version} guards every update: one saved over an older version changes nothing and
 * fails ({@link io.micronaut.data.exceptions.OptimisticLockException}), so of two admins editing one account the second
 * is told, not silently overwritten.
 */
@MappedEntity("admin_user")
record AdminUserRow(@Id @GeneratedValue @Nullable Long id, String username, String passwordHash, Role role,
        boolean active, boolean mustChangePassword, @Version long version, @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    Account account() {
        return new Account(id, username, role, active, version, createdAt);
    }

    /** This row with another role, active flag and (when not null) password hash, saved over {@code version}. */
    AdminUserRow edited(long expectedVersion, Role newRole, boolean nowActive, @Nullable String newPasswordHash) {
        return new AdminUserRow(id, username, newPasswordHash != null ? newPasswordHash : passwordHash, newRole,
                nowActive, mustChangePassword, expectedVersion, createdAt, null);
    }
}
