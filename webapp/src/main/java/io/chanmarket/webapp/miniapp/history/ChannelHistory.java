package io.chanmarket.webapp.miniapp.history;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A channel's numbers over the last days: subscribers, average reach and ERR from the parsers' history
 * ({@code channel_metric_history}), and the price from the catalog's price changes (the admin audit log's channel
 * updates, whose before/after JSON holds {@code priceRub}).
 */
@Singleton
public class ChannelHistory {

    /** At most this many parser rows are read for one chart window. */
    private static final int MAX_ROWS = 400;

    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    ChannelHistory(TransactionOperations<Connection> tx) {
        this.tx = tx;
        this.clock = Clock.systemUTC();
    }

    /** The window of {@code days} days ending now; {@code currentPrice} is the card's price (the last point). */
    public HistoryWindow window(long channelId, int days, BigDecimal currentPrice) {
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        return tx.executeRead(status -> {
            Connection c = status.getConnection();
            List<Point> subscribers = new ArrayList<>();
            List<Point> reach = new ArrayList<>();
            List<Point> err = new ArrayList<>();
            String source = null;
            Instant updated = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT fetched_at, subscribers, avg_reach, err_pct, source"
                    + " FROM channel_metric_history WHERE channel_id = ? AND fetched_at >= ?"
                    + " ORDER BY fetched_at DESC, id DESC LIMIT " + MAX_ROWS)) {
                ps.setLong(1, channelId);
                ps.setTimestamp(2, Timestamp.from(from));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = rs.getTimestamp(1).toInstant();
                        if (updated == null) {
                            updated = at;
                            source = rs.getString(5);
                        }
                        add(subscribers, at, rs.getObject(2) == null ? null : BigDecimal.valueOf(rs.getLong(2)));
                        add(reach, at, rs.getObject(3) == null ? null : BigDecimal.valueOf(rs.getLong(3)));
                        add(err, at, rs.getBigDecimal(4));
                    }
                }
            }
            List<Point> price = price(c, channelId, from, to, currentPrice);
            return new HistoryWindow(days, from, to, reverse(subscribers), reverse(reach), reverse(err), price, source,
                    updated);
        });
    }

    /** The price as a step line: its value at the window's start, each change, and the current price now. */
    private static List<Point> price(Connection c, long channelId, Instant from, Instant to, BigDecimal current)
            throws SQLException {
        List<Point> changes = new ArrayList<>();
        BigDecimal before = null;
        boolean first = true;
        try (PreparedStatement ps = c
                .prepareStatement("SELECT at, before_json ->> 'priceRub', after_json ->> 'priceRub'"
                        + " FROM audit_log WHERE entity = 'channel' AND entity_id = ? AND at >= ?"
                        + " AND (before_json ->> 'priceRub') IS DISTINCT FROM (after_json ->> 'priceRub')"
                        + " ORDER BY at LIMIT " + MAX_ROWS)) {
            ps.setString(1, Long.toString(channelId));
            ps.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (first) {
                        before = number(rs.getString(2));
                        first = false;
                    }
                    BigDecimal after = number(rs.getString(3));
                    if (after != null) {
                        changes.add(new Point(rs.getTimestamp(1).toInstant(), after));
                    }
                }
            }
        }
        List<Point> points = new ArrayList<>();
        BigDecimal start = first ? current : before;
        if (start != null) {
            points.add(new Point(from, start));
        }
        for (Point change : changes) {
            if (!points.isEmpty()) {
                points.add(new Point(change.at(), points.get(points.size() - 1).value()));
            }
            points.add(change);
        }
        if (current != null) {
            points.add(new Point(to, current));
        }
        return points;
    }

    private static BigDecimal number(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void add(List<Point> points, Instant at, BigDecimal value) {
        if (value != null) {
            points.add(new Point(at, value));
        }
    }

    private static List<Point> reverse(List<Point> newestFirst) {
        List<Point> out = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            out.add(newestFirst.get(i));
        }
        return out;
    }

    /** One value at one time. */
    public record Point(Instant at, BigDecimal value) {
    }
}
