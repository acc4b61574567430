package io.chanmarket.admin.identity;

/** What an admin-panel account may do. {@link #ADMIN} may do everything. */
public enum Role {
    /** Everything, including accounts and roles. */
    ADMIN,
    /** Catalog, mailings, analytics. */
    MANAGER,
    /** Moderation queue and a read-only catalog. */
    MODERATOR;

    /** Parses a role name, or null when it is not one. */
    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value.trim())) {
                return role;
            }
        }
        return null;
    }
}
