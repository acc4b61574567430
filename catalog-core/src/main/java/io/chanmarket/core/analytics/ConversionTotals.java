package io.chanmarket.core.analytics;

import io.chanmarket.core.analytics.AnalyticsReports.Target;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Conversion totals per preset and per channel or category ({@code analytics_conversion_total}), so a conversions page
 * reads at most one precomputed row per channel instead of aggregating the rollups. A preset's totals are recomputed
 * from the rollups when its day range or the time zone changed ({@link #ensureFresh}); in between, every fold adds the
 * events it folds to the totals whose range holds them, in the fold's transaction ({@link #advance}), so the totals
 * always equal what the rollups give for the same range.
 */
@Singleton
class ConversionTotals {

    private static final TransactionDefinition OWN_TRANSACTION = TransactionDefinition
            .of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private static final String TYPES = "('CHANNEL_OPEN', 'PRICE_CLICK', 'CONTACT_MANAGER_CLICK')";
    private static final String SUMS = "COALESCE(sum(events) FILTER (WHERE type = 'CHANNEL_OPEN'), 0),"
            + " COALESCE(sum(events) FILTER (WHERE type = 'PRICE_CLICK'), 0),"
            + " COALESCE(sum(events) FILTER (WHERE type = 'CONTACT_MANAGER_CLICK'), 0)";
    /** The events of one folded id range, keyed like the rollups, added to every current state whose range has them. */
    private static final String ADVANCE = "INSERT INTO analytics_conversion_total AS t (preset, target, key_id, opens,"
            + " price_clicks, contact_clicks) SELECT s.preset, s.target, k.key_id,"
            + " count(*) FILTER (WHERE e.type = 'CHANNEL_OPEN'), count(*) FILTER (WHERE e.type = 'PRICE_CLICK'),"
            + " count(*) FILTER (WHERE e.type = 'CONTACT_MANAGER_CLICK') FROM (SELECT"
            + " (e.occurred_at AT TIME ZONE ?)::date AS day, e.type, COALESCE(e.category_id, c.category_id, 0)"
            + " AS category_id, COALESCE(e.channel_id, 0) AS channel_id FROM event_log e LEFT JOIN channel c"
            + " ON c.id = e.channel_id AND e.category_id IS NULL WHERE e.id > ? AND e.id <= ? AND e.type IN " + TYPES
            + ") e JOIN analytics_conversion_state s ON s.last_event_id = ? AND s.time_zone = ?"
            + " AND (CASE WHEN s.weekly THEN date_trunc('week', e.day)::date ELSE e.day END)"
            + " BETWEEN s.first_day AND s.last_day CROSS JOIN LATERAL (SELECT CASE WHEN s.target = 'CHANNEL'"
            + " THEN e.channel_id ELSE e.category_id END AS key_id) k WHERE k.key_id <> 0"
            + " GROUP BY s.preset, s.target, k.key_id ON CONFLICT (preset, target, key_id) DO UPDATE"
            + " SET opens = t.opens + EXCLUDED.opens, price_clicks = t.price_clicks + EXCLUDED.price_clicks,"
            + " contact_clicks = t.contact_clicks + EXCLUDED.contact_clicks";

    private final TransactionOperations<Connection> tx;

    ConversionTotals(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /**
     * Called by a fold (holding the {@code analytics_state} row lock) after it folded ids {@code (from, to]} in
     * {@code zone}: adds those events to the totals that covered exactly up to {@code from}.
     */
    static void advance(Connection c, String zone, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM analytics_conversion_state"
                + " WHERE last_event_id = ? AND time_zone = ?)")) {
            ps.setLong(1, from);
            ps.setString(2, zone);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
            ps.setString(1, zone);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setLong(4, from);
            ps.setString(5, zone);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE analytics_conversion_state SET last_event_id = ?"
                + " WHERE last_event_id = ? AND time_zone = ?")) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            ps.setString(3, zone);
            ps.executeUpdate();
        }
    }

    /**
     * Makes the totals of {@code preset} and {@code target} cover the range ending {@code today} and everything folded
     * so far: a no-op when they already do, else a recompute from the rollups in its own transaction.
     */
    void ensureFresh(Preset preset, Target target, LocalDate today) {
        if (!fresh(preset, target, today, false)) {
            tx.execute(OWN_TRANSACTION, status -> {
                recompute(status.getConnection(), preset, target, today);
                return null;
            });
        }
    }

    private boolean fresh(Preset preset, Target target, LocalDate today, boolean lock) {
        return tx.execute(TransactionDefinition.DEFAULT,
                status -> fresh(status.getConnection(), preset, target, today, lock));
    }

    private static boolean fresh(Connection c, Preset preset, Target target, LocalDate today, boolean lock) {
        String sql = "SELECT s.first_day, s.last_day, s.time_zone = a.time_zone AND s.last_event_id = a.last_event_id"
                + " FROM analytics_state a LEFT JOIN analytics_conversion_state s ON s.preset = ? AND s.target = ?"
                + " WHERE a.id = 1" + (lock ? " FOR SHARE OF a" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, preset.id());
            ps.setString(2, target.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return preset.from(today).equals(rs.getObject(1, LocalDate.class))
                        && today.equals(rs.getObject(2, LocalDate.class)) && rs.getBoolean(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the conversion totals state failed: " + e.getMessage(), e);
        }
    }

    /**
     * Holds the {@code analytics_state} row (a fold waits) and this preset's state row (another recompute waits), then
     * rebuilds the totals from the rollups at the current watermark.
     */
    private static void recompute(Connection c, Preset preset, Target target, LocalDate today) {
        if (fresh(c, preset, target, today, true)) {
            return;
        }
        boolean weekly = preset.step() == Preset.Step.WEEK;
        String key = target == Target.CHANNEL ? "channel_id" : "category_id";
        String at = weekly ? "week" : "day";
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO analytics_conversion_state (preset, target,"
                    + " weekly, first_day, last_day, time_zone, last_event_id, computed_at)"
                    + " VALUES (?, ?, ?, DATE '1970-01-01', DATE '1970-01-01', '', -1, now())"
                    + " ON CONFLICT DO NOTHING")) {
                ps.setString(1, preset.id());
                ps.setString(2, target.name());
                ps.setBoolean(3, weekly);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM analytics_conversion_state" + " WHERE preset = ? AND target = ? FOR UPDATE")) {
                ps.setString(1, preset.id());
                ps.setString(2, target.name());
                ps.executeQuery().close();
            }
            if (fresh(c, preset, target, today, false)) {
                return;
            }
            try (PreparedStatement ps = c
                    .prepareStatement("DELETE FROM analytics_conversion_total WHERE preset = ? AND target = ?")) {
                ps.setString(1, preset.id());
                ps.setString(2, target.name());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO analytics_conversion_total (preset, target,"
                    + " key_id, opens, price_clicks, contact_clicks) SELECT ?, ?, " + key + ", " + SUMS + " FROM "
                    + (weekly ? "analytics_weekly" : "analytics_daily") + " WHERE type IN " + TYPES + " AND " + at
                    + " >= ? AND " + at + " <= ? AND " + key + " <> 0 GROUP BY " + key)) {
                ps.setString(1, preset.id());
                ps.setString(2, target.name());
                ps.setDate(3, Date.valueOf(preset.from(today)));
                ps.setDate(4, Date.valueOf(today));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE analytics_conversion_state s SET weekly = ?,"
                    + " first_day = ?, last_day = ?, time_zone = a.time_zone, last_event_id = a.last_event_id,"
                    + " computed_at = now() FROM analytics_state a WHERE a.id = 1 AND s.preset = ? AND s.target = ?")) {
                ps.setBoolean(1, weekly);
                ps.setDate(2, Date.valueOf(preset.from(today)));
                ps.setDate(3, Date.valueOf(today));
                ps.setString(4, preset.id());
                ps.setString(5, target.name());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recomputing the conversion totals failed: " + e.getMessage(), e);
        }
    }
}
