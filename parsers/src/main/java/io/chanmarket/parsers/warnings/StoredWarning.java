package io.chanmarket.parsers.warnings;

import java.time.Instant;

/** A warning as stored for admins. */
public record StoredWarning(long channelId, String code, String detail, Instant computedAt) {
}
