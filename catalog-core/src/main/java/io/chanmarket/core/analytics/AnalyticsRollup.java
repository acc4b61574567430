package io.chanmarket.core.analytics;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds new {@code event_log} rows (by id watermark) into the daily rollups. Folds are serialised by a row lock on
 * {@code analytics_state}, so any node may fold at any time. Before reading the upper id it briefly takes a SHARE lock
 * on {@code event_log}: that waits for inserts in flight, so no row below the watermark can appear later. Changing the
 * time zone rebuilds the rollups from the start. A fold also advances the precomputed conversion totals
 * ({@link ConversionTotals}) in the same transaction.
 */
@Singleton
public class AnalyticsRollup {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRollup.class);
    /** Largest id range folded in one transaction, so a long backlog does not hold one huge transaction. */
    static final long CHUNK = 2_000_000;

    private static final String DAY = "(e.occurred_at AT TIME ZONE ?)::date";
    private static final String FOLD_DAILY = "INSERT INTO analytics_daily (day, type, category_id, channel_id, link_id,"
            + " events) SELECT " + DAY
            + ", e.type, COALESCE(e.category_id, c.category_id, 0), COALESCE(e.channel_id, 0),"
            + " COALESCE(e.tracked_link_id, 0), count(*) FROM event_log e"
            + " LEFT JOIN channel c ON c.id = e.channel_id AND e.category_id IS NULL"
            + " WHERE e.id > ? AND e.id <= ? GROUP BY 1, 2, 3, 4, 5"
            + " ON CONFLICT (type, day, category_id, channel_id, link_id)"
            + " DO UPDATE SET events = analytics_daily.events + EXCLUDED.events";
    private static final String FOLD_WEEKLY = "INSERT INTO analytics_weekly (week, type, category_id, channel_id,"
            + " link_id, events) SELECT date_trunc('week', " + DAY + ")::date, e.type,"
            + " COALESCE(e.category_id, c.category_id, 0), COALESCE(e.channel_id, 0), COALESCE(e.tracked_link_id, 0),"
            + " count(*) FROM event_log e LEFT JOIN channel c ON c.id = e.channel_id AND e.category_id IS NULL"
            + " WHERE e.id > ? AND e.id <= ? GROUP BY 1, 2, 3, 4, 5"
            + " ON CONFLICT (type, week, category_id, channel_id, link_id)"
            + " DO UPDATE SET events = analytics_weekly.events + EXCLUDED.events";
    private static final String FOLD_VISITS = "INSERT INTO analytics_link_visit (user_id, day, link_id,"
            + " arrival_event_id) SELECT DISTINCT ON (e.user_id, 2) e.user_id, " + DAY + ", e.tracked_link_id, e.id"
            + " FROM event_log e WHERE e.id > ? AND e.id <= ? AND e.type = 'DEEP_LINK_ARRIVAL'"
            + " AND e.tracked_link_id IS NOT NULL AND e.user_id IS NOT NULL ORDER BY e.user_id, 2, e.id"
            + " ON CONFLICT (user_id, day) DO NOTHING";
    private static final String FOLD_OUTCOMES = "INSERT INTO analytics_link_daily (day, link_id, type, events)"
            + " SELECT v.day, v.link_id, e.type, count(*) FROM event_log e"
            + " JOIN analytics_link_visit v ON v.user_id = e.user_id AND v.day = " + DAY
            + " WHERE e.id > ? AND e.id <= ? AND e.id > v.arrival_event_id"
            + " AND e.type IN ('CATEGORY_OPEN', 'CHANNEL_OPEN', 'PRICE_CLICK', 'CONTACT_MANAGER_CLICK', 'FAVORITE_ADD')"
            + " GROUP BY 1, 2, 3 ON CONFLICT (link_id, day, type)"
            + " DO UPDATE SET events = analytics_link_daily.events + EXCLUDED.events";
    private static final String FOLD_ACTIVE = "WITH ins AS (INSERT INTO analytics_user_day (day, user_id)"
            + " SELECT DISTINCT " + DAY + ", e.user_id FROM event_log e WHERE e.id > ? AND e.id <= ?"
            + " AND e.user_id IS NOT NULL ON CONFLICT DO NOTHING RETURNING day)"
            + " INSERT INTO analytics_users_daily (day, active_users) SELECT day, count(*) FROM ins GROUP BY day"
            + " ON CONFLICT (day) DO UPDATE SET active_users = analytics_users_daily.active_users"
            + " + EXCLUDED.active_users";
    /**
     * First days of users, and new users per day: a user whose first day moves earlier counts -1 on the old day (the
     * {@code moved} CTE reads the table as it was before the upsert) and +1 on the new one.
     */
    private static final String FOLD_FIRST = "WITH src AS (SELECT e.user_id, min(" + DAY + ") AS first_day"
            + " FROM event_log e WHERE e.id > ? AND e.id <= ? AND e.user_id IS NOT NULL GROUP BY e.user_id),"
            + " moved AS (SELECT f.first_day FROM analytics_user_first f JOIN src ON src.user_id = f.user_id"
            + " WHERE src.first_day < f.first_day), upserted AS (INSERT INTO analytics_user_first (user_id, first_day)"
            + " SELECT user_id, first_day FROM src ON CONFLICT (user_id) DO UPDATE SET first_day = EXCLUDED.first_day"
            + " WHERE EXCLUDED.first_day < analytics_user_first.first_day RETURNING first_day),"
            + " delta AS (SELECT first_day AS day, 1 AS n FROM upserted UNION ALL SELECT first_day, -1 FROM moved)"
            + " INSERT INTO analytics_users_daily (day, active_users, new_users) SELECT day, 0, sum(n) FROM delta"
            + " GROUP BY day ON CONFLICT (day) DO UPDATE"
            + " SET new_users = analytics_users_daily.new_users + EXCLUDED.new_users";

    /** Folds commit on their own, also when a read-only report transaction is open around them. */
    private static final TransactionDefinition OWN_TRANSACTION = TransactionDefinition
            .of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private final TransactionOperations<Connection> tx;
    private final AnalyticsSettings settings;
    private volatile Instant lastFold = Instant.EPOCH;

    AnalyticsRollup(TransactionOperations<Connection> tx, AnalyticsSettings settings) {
        this.tx = tx;
        this.settings = settings;
    }

    /** Folds unless this node folded within {@code max-staleness}; pages call it before they read. */
    public void catchUp() {
        if (lastFold.plus(settings.maxStaleness()).isAfter(Instant.now())) {
            return;
        }
        fold();
    }

    /** Folds every event written so far; returns how many event ids were covered. */
    public long fold() {
        long upper = committedUpperId();
        long covered = 0;
        while (true) {
            long done = tx.execute(OWN_TRANSACTION, status -> foldChunk(status.getConnection(), upper));
            if (done == 0) {
                break;
            }
            covered += done;
        }
        lastFold = Instant.now();
        if (covered > 0) {
            LOG.debug("Folded event ids up to {} into the analytics rollups", upper);
        }
        return covered;
    }

    private long committedUpperId() {
        return tx.execute(OWN_TRANSACTION, status -> {
            try (Statement st = status.getConnection().createStatement()) {
                st.execute("LOCK TABLE event_log IN SHARE MODE");
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(max(id), 0) FROM event_log")) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading the event_log watermark failed: " + e.getMessage(), e);
            }
        });
    }

    private long foldChunk(Connection c, long upper) {
        String zone = settings.timeZone().getId();
        try {
            long from;
            String storedZone;
            try (Statement st = c.createStatement(); ResultSet rs = st
                    .executeQuery("SELECT last_event_id, time_zone FROM analytics_state WHERE id = 1 FOR UPDATE")) {
                rs.next();
                from = rs.getLong(1);
                storedZone = rs.getString(2);
            }
            if (!storedZone.equals(zone)) {
                LOG.info("Analytics time zone changed from {} to {}: rebuilding the rollups", storedZone, zone);
                try (Statement st = c.createStatement()) {
                    st.execute("TRUNCATE analytics_daily, analytics_weekly, analytics_link_visit, analytics_link_daily,"
                            + " analytics_user_day, analytics_user_first, analytics_users_daily,"
                            + " analytics_conversion_state, analytics_conversion_total");
                }
                from = 0;
            }
            long to = Math.min(upper, from + CHUNK);
            if (to > from) {
                for (String sql : new String[] { FOLD_DAILY, FOLD_WEEKLY, FOLD_VISITS, FOLD_OUTCOMES, FOLD_ACTIVE,
                        FOLD_FIRST }) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, zone);
                        ps.setLong(2, from);
                        ps.setLong(3, to);
                        ps.executeUpdate();
                    }
                }
                ConversionTotals.advance(c, zone, from, to);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE analytics_state SET last_event_id = ?,"
                    + " time_zone = ?, folded_at = now() WHERE id = 1")) {
                ps.setLong(1, Math.max(from, to));
                ps.setString(2, zone);
                ps.executeUpdate();
            }
            return Math.max(0, to - from);
        } catch (SQLException e) {
            throw new IllegalStateException("folding events into the analytics rollups failed: " + e.getMessage(), e);
        }
    }
}
