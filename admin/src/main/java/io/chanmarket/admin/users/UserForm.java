package io.chanmarket.admin.users;

import io.chanmarket.admin.auth.Account;
import io.chanmarket.admin.auth.PasswordHasher;
import io.chanmarket.admin.identity.Role;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The account form as posted (create and edit share it), checked by {@link io.chanmarket.admin.web.Forms}: the username
 * and a password are asked for only when {@link Creating} an account; a password given when editing replaces the old
 * one.
 */
@Serdeable
@Introspected
public record UserForm(
        @NotBlank(groups = Creating.class, message = "error.required") @Pattern(groups = Creating.class, regexp = "\\s*|\\s*[A-Za-z0-9_.-]{3,64}\\s*", message = "error.username") @Nullable String username,
        @NotNull(message = "error.required") @Pattern(regexp = "(?i)\\s*(ADMIN|MANAGER|MODERATOR)\\s*", message = "error.required") @Nullable String role,
        @Nullable String active,
        @NotEmpty(groups = Creating.class, message = "error.required") @Pattern(regexp = "|(?s).{"
                + PasswordHasher.MIN_LENGTH + ",}", message = "error.password-short") @Nullable String password,
        @Nullable String version) {

    /** The checks of a new account on top of the default ones. */
    interface Creating {
    }

    static UserForm empty() {
        return new UserForm("", Role.MANAGER.name(), "on", "", "0");
    }

    static UserForm of(Account account) {
        return new UserForm(account.username(), account.role().name(), account.active() ? "on" : "", "",
                String.valueOf(account.version()));
    }

    boolean isActive() {
        return active != null && !active.isBlank();
    }

    long versionNumber() {
        try {
            return Long.parseLong(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
