package io.chanmarket.admin.auth;

import io.chanmarket.admin.identity.Role;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An admin-panel account as shown and audited (never with its password hash). */
@Serdeable
public record Account(long id, String username, Role role, boolean active, long version, Instant createdAt) {
}
