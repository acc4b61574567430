package io.chanmarket.admin.users;

import io.chanmarket.admin.auth.Account;
import io.chanmarket.admin.auth.PasswordHasher;
import io.chanmarket.admin.auth.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account form as posted (create and edit share it); {@link #errors()} maps field to message key. */
@Serdeable
public record UserForm(@Nullable String username, @Nullable String role, @Nullable String active,
        @Nullable String password, @Nullable String version) {

    static UserForm empty() {
        return new UserForm("", Role.MANAGER.name(), "on", "", "0");
    }

    static UserForm of(Account account) {
        return new UserForm(account.username(), account.role().name(), account.active() ? "on" : "", "",
                String.valueOf(account.version()));
    }

    Map<String, String> errors(boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (creating) {
            String name = username == null ? "" : username.trim();
            if (name.isEmpty()) {
                errors.put("username", "error.required");
            } else if (!name.matches("[A-Za-z0-9_.-]{3,64}")) {
                errors.put("username", "error.username");
            }
        }
        if (Role.parse(role) == null) {
            errors.put("role", "error.required");
        }
        boolean passwordGiven = password != null && !password.isEmpty();
        if (creating && !passwordGiven) {
            errors.put("password", "error.required");
        } else if (passwordGiven && password.length() < PasswordHasher.MIN_LENGTH) {
            errors.put("password", "error.password-short");
        }
        return errors;
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
