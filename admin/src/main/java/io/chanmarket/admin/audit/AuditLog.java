package io.chanmarket.admin.audit;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The audit log: every change made in the admin panel, with who made it and the entity before and after as JSON. Call
 * it inside the transaction of the change, so a change is never stored without its entry.
 */
@Singleton
@Transactional
public class AuditLog {

    /** Actor name of changes made by the application itself (first admin from configuration). */
    public static final String SYSTEM = "system";

    private final AuditRepository repository;
    private final JsonMapper json;

    AuditLog(AuditRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** One page of the log. */
    public record Page(List<AuditEntry> entries, int page, boolean hasNext) {
    }

    /**
     * Records a change. {@code before}/{@code after} are serialised to JSON ({@code @Serdeable} records); null when
     * there is none (create, delete).
     */
    public void record(AdminPrincipal actor, String action, String entity, String entityId, Object before,
            Object after) {
        repository.insert(actor == null ? null : actor.id(), actor == null ? SYSTEM : actor.username(), action, entity,
                entityId, toJson(before), toJson(after));
    }

    public Page page(String entity, String actor, int page, int size) {
        int p = Math.max(1, page);
        List<AuditEntry> rows = repository.page(entity == null ? "" : entity, actor == null ? "" : actor,
                (p - 1) * size, size + 1);
        boolean hasNext = rows.size() > size;
        return new Page(hasNext ? rows.subList(0, size) : rows, p, hasNext);
    }

    public List<String> entities() {
        return repository.entities();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
