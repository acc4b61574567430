package io.chanmarket.admin.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** SQL over {@code audit_log}. */
@Singleton
class AuditRepository {

    private final JdbcOperations jdbc;

    AuditRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Long actorId, String actor, String action, String entity, String entityId, String before,
            String after) {
        jdbc.prepareStatement("""
                INSERT INTO audit_log (actor_id, actor_username, action, entity, entity_id, before_json, after_json)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""", ps -> {
            if (actorId == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, actorId);
            }
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, entity);
            ps.setString(5, entityId);
            ps.setString(6, before);
            ps.setString(7, after);
            return ps.executeUpdate();
        });
    }

    /** Newest first; {@code entity} and {@code actor} filter when not blank. Fetches one extra row to tell "more". */
    List<AuditEntry> page(String entity, String actor, int offset, int limit) {
        return jdbc.prepareStatement("""
                SELECT id, at, actor_username, action, entity, entity_id, before_json::text, after_json::text
                FROM audit_log
                WHERE (? = '' OR entity = ?) AND (? = '' OR actor_username = ?)
                ORDER BY at DESC, id DESC OFFSET ? LIMIT ?""", ps -> {
            ps.setString(1, entity);
            ps.setString(2, entity);
            ps.setString(3, actor);
            ps.setString(4, actor);
            ps.setInt(5, offset);
            ps.setInt(6, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        });
    }

    List<String> entities() {
        return jdbc.prepareStatement("SELECT DISTINCT entity FROM audit_log ORDER BY entity", ps -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
