package io.chanmarket.admin.audit;

import java.time.Instant;

/** One audited change: who, when, what, and the JSON before and after. */
public record AuditEntry(long id, Instant at, String actor, String action, String entity, String entityId,
        String beforeJson, String afterJson) {
}
