package io.chanmarket.core.mailing;

import io.chanmarket.core.events.EventFeed;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segments: one automatic topic segment per category, which a user joins once their opens of the category or its
 * channels reach {@code app.mailing.segment-threshold}, and manual segments defined by filters on users.
 *
 * <p>
 * Interest is folded incrementally from the event log ({@link EventFeed}): each fold reads only events after the last
 * one folded (kept in {@code segment_fold_state}, locked for the fold, so folds on several nodes never double-count).
 */
@Singleton
public class Segments {

    private static final Logger LOG = LoggerFactory.getLogger(Segments.class);
    private static final int FOLD_BATCH = 5_000;

    /** Users (not blocked) in any of the segments given as the array parameter {@code ?}. */
    static final String AUDIENCE = """
            SELECT u.id FROM telegram_user u
            WHERE u.blocked_at IS NULL AND (
              EXISTS (SELECT 1 FROM segment_member m WHERE m.user_id = u.id AND m.segment_id = ANY(?))
              OR EXISTS (SELECT 1 FROM segment s WHERE s.id = ANY(?) AND s.kind = 'MANUAL'
                AND (s.language_code IS NULL OR u.language_code = s.language_code)
                AND (NOT s.premium_only OR u.is_premium)
                AND (s.seen_within_days IS NULL OR u.last_seen_at > now() - make_interval(days => s.seen_within_days))
                AND (s.interest_category_id IS NULL OR EXISTS (SELECT 1 FROM segment_member m2
                     JOIN segment a ON a.id = m2.segment_id
                     WHERE a.category_id = s.interest_category_id AND m2.user_id = u.id))))
            """;

    private final JdbcOperations jdbc;
    private final EventFeed feed;
    private final MailingSettings settings;

    Segments(JdbcOperations jdbc, EventFeed feed, MailingSettings settings) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "20s")
    void foldOnSchedule() {
        try {
            fold();
        } catch (RuntimeException e) {
            LOG.warn("Folding events into segments failed: {}", e.toString());
        }
    }

    /**
     * Folds category and channel opens written since the last fold into interest counts and topic segment membership.
     *
     * @return the number of events folded
     */
    @Transactional
    public int fold() {
        ensureAutoSegments();
        long last = jdbc.prepareStatement("SELECT last_event_id FROM segment_fold_state WHERE id = 1 FOR UPDATE",
                ps -> {
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        int folded = 0;
        while (true) {
            List<EventFeed.Open> opens = feed.opensAfter(last, FOLD_BATCH);
            if (opens.isEmpty()) {
                break;
            }
            Map<List<Long>, Integer> counts = new HashMap<>();
            for (EventFeed.Open open : opens) {
                if (open.categoryId() != null) {
                    counts.merge(List.of(open.categoryId(), open.userId()), 1, Integer::sum);
                }
            }
            addInterest(counts);
            last = opens.get(opens.size() - 1).id();
            folded += opens.size();
            if (opens.size() < FOLD_BATCH) {
                break;
            }
        }
        long newLast = last;
        jdbc.prepareStatement("UPDATE segment_fold_state SET last_event_id = ? WHERE id = 1", ps -> {
            ps.setLong(1, newLast);
            return ps.executeUpdate();
        });
        return folded;
    }

    private void addInterest(Map<List<Long>, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
                INSERT INTO segment_interest (category_id, user_id, opens) VALUES (?, ?, ?)
                ON CONFLICT (category_id, user_id) DO UPDATE SET opens = segment_interest.opens + excluded.opens
                """, ps -> {
            for (var e : counts.entrySet()) {
                ps.setLong(1, e.getKey().get(0));
                ps.setLong(2, e.getKey().get(1));
                ps.setInt(3, e.getValue());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        jdbc.prepareStatement("""
                INSERT INTO segment_member (segment_id, user_id)
                SELECT s.id, i.user_id FROM segment_interest i JOIN segment s ON s.category_id = i.category_id
                WHERE i.opens >= ? AND i.category_id = ? AND i.user_id = ?
                ON CONFLICT DO NOTHING
                """, ps -> {
            for (var e : counts.keySet()) {
                ps.setInt(1, settings.segmentThreshold());
                ps.setLong(2, e.get(0));
                ps.setLong(3, e.get(1));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private void ensureAutoSegments() {
        jdbc.prepareStatement("""
                INSERT INTO segment (kind, category_id) SELECT 'AUTO', c.id FROM category c
                WHERE NOT EXISTS (SELECT 1 FROM segment s WHERE s.category_id = c.id)
                ON CONFLICT DO NOTHING
                """, ps -> ps.executeUpdate());
    }

    /** Every segment with its current size: topic segments first (in category order), then manual ones. */
    @Transactional
    public List<Segment> list() {
        ensureAutoSegments();
        List<Segment> out = new ArrayList<>();
        jdbc.prepareStatement("""
                SELECT s.id, s.kind, coalesce(s.name, c.name_ru), c.name_en, s.category_id, s.language_code,
                       s.premium_only, s.seen_within_days, s.interest_category_id
                FROM segment s LEFT JOIN category c ON c.id = s.category_id
                ORDER BY s.kind, c.sort_order NULLS LAST, c.id, s.id
                """, ps -> {
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Segment(rs.getLong(1), SegmentKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getObject(5, Long.class), rs.getString(6), rs.getBoolean(7),
                            rs.getObject(8, Integer.class), rs.getObject(9, Long.class), 0));
                }
            }
            return null;
        });
        List<Segment> sized = new ArrayList<>(out.size());
        for (Segment s : out) {
            sized.add(new Segment(s.id(), s.kind(), s.name(), s.nameEn(), s.categoryId(), s.languageCode(),
                    s.premiumOnly(), s.seenWithinDays(), s.interestCategoryId(), audienceSize(List.of(s.id()))));
        }
        return sized;
    }

    public Optional<Segment> find(long id) {
        return list().stream().filter(s -> s.id() == id).findFirst();
    }

    /** Users (not blocked) in at least one of the segments; each counted once. */
    @Transactional
    public long audienceSize(Collection<Long> segmentIds) {
        if (segmentIds.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("SELECT count(*) FROM (" + AUDIENCE + ") a", ps -> {
            Array ids = longArray(ps.getConnection(), segmentIds);
            ps.setArray(1, ids);
            ps.setArray(2, ids);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Creates a manual segment. */
    @Transactional
    public long createManual(SegmentFilter filter) {
        return jdbc.prepareStatement("""
                INSERT INTO segment (kind, name, language_code, premium_only, seen_within_days, interest_category_id)
                VALUES ('MANUAL', ?, ?, ?, ?, ?) RETURNING id
                """, ps -> {
            ps.setString(1, filter.name());
            ps.setString(2, filter.languageCode());
            ps.setBoolean(3, filter.premiumOnly());
            ps.setObject(4, filter.seenWithinDays(), java.sql.Types.INTEGER);
            ps.setObject(5, filter.interestCategoryId(), java.sql.Types.BIGINT);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Deletes a manual segment; false when there is no such manual segment (topic segments stay). */
    @Transactional
    public boolean deleteManual(long id) {
        return jdbc.prepareStatement("DELETE FROM segment WHERE id = ? AND kind = 'MANUAL'", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    /** Whether the user is a member of the topic segment of {@code categoryId}. */
    @Transactional
    public boolean inTopicSegment(long categoryId, long userId) {
        return jdbc.prepareStatement("""
                SELECT 1 FROM segment_member m JOIN segment s ON s.id = m.segment_id
                WHERE s.category_id = ? AND m.user_id = ?
                """, ps -> {
            ps.setLong(1, categoryId);
            ps.setLong(2, userId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    static Array longArray(java.sql.Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray(Long[]::new));
    }
}
