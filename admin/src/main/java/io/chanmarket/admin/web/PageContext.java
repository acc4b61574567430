package io.chanmarket.admin.web;

import io.chanmarket.admin.auth.AdminPrincipal;
import io.chanmarket.admin.auth.Role;
import io.micronaut.core.annotation.Nullable;

/** What every admin page needs besides its own data: texts, the signed-in account (if any) and its CSRF token. */
public record PageContext(Texts texts, @Nullable AdminPrincipal user) {

    public String t(String key) {
        return texts.get(key);
    }

    public String t(String key, Object... args) {
        return texts.get(key, args);
    }

    public String lang() {
        return texts.language();
    }

    public String csrf() {
        return user == null ? "" : user.csrfToken();
    }

    /** JSON for {@code hx-headers}: every htmx request carries the CSRF token. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrf() + "\"}";
    }

    public boolean can(Role... roles) {
        return user != null && user.hasAny(roles);
    }

    public boolean isAdmin() {
        return user != null && user.role() == Role.ADMIN;
    }

    /** Catalog editing: admins and managers; moderators only read. */
    public boolean canEditCatalog() {
        return can(Role.MANAGER);
    }
}
