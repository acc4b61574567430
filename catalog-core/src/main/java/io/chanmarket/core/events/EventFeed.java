package io.chanmarket.core.events;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the event log in id order for consumers that fold it incrementally (each keeps the last id it has seen). Only
 * events older than a few seconds are returned, so an event whose insert committed late is not skipped.
 */
@Singleton
@Transactional
public class EventFeed {

    /** A category or channel open; {@code categoryId} is the category of the channel when the event names one. */
    public record Open(long id, long userId, Long categoryId, Long channelId) {
    }

    private final JdbcOperations jdbc;

    EventFeed(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} {@code CATEGORY_OPEN} and {@code CHANNEL_OPEN} events with an id above {@code afterId}. */
    public List<Open> opensAfter(long afterId, int limit) {
        return jdbc.prepareStatement("""
                SELECT e.id, e.user_id, coalesce(e.category_id, c.category_id), e.channel_id
                FROM event_log e LEFT JOIN channel c ON c.id = e.channel_id
                WHERE e.id > ? AND e.type IN ('CATEGORY_OPEN', 'CHANNEL_OPEN') AND e.user_id IS NOT NULL
                  AND e.occurred_at < now() - interval '3 seconds'
                ORDER BY e.id LIMIT ?
                """, ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            List<Open> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Open(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                            rs.getObject(4, Long.class)));
                }
            }
            return out;
        });
    }
}
