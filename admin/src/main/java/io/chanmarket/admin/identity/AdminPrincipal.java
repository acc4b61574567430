package io.chanmarket.admin.identity;

/**
 * The signed-in account of the current request, with its session's CSRF token; {@code mustChangePassword}: the account
 * has a generated password, and may only change it (or sign out) until it does.
 */
public record AdminPrincipal(long id, String username, Role role, String csrfToken, boolean mustChangePassword) {

    public AdminPrincipal(long id, String username, Role role, String csrfToken) {
        this(id, username, role, csrfToken, false);
    }

    /** Request attribute under which the access filter stores the principal. */
    public static final String ATTRIBUTE = "chanmarket.admin.principal";

    /** Whether this account may act with one of {@code roles} ({@link Role#ADMIN} always may). */
    public boolean hasAny(Role... roles) {
        if (role == Role.ADMIN) {
            return true;
        }
        for (Role allowed : roles) {
            if (allowed == role) {
                return true;
            }
        }
        return false;
    }
}
