package io.chanmarket.parsers.review;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.StatField;
import io.chanmarket.parsers.result.Refusal;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Values the parsers did not write ({@code parser_value_review}): refused ambiguous texts and implausible values held
 * for an admin. An admin confirms a held value (it is written to the channel) or rejects it; a later fetch that writes
 * the field supersedes what is still open.
 */
@Singleton
public class ValueReviews {

    private static final String COLUMNS = "id, channel_id, source, field, kind, raw_text, proposed, current_value,"
            + " reason, detected_at, state, decided_at, decided_by";

    private final TransactionOperations<Connection> tx;
    private final ChannelMetrics metrics;

    ValueReviews(TransactionOperations<Connection> tx, ChannelMetrics metrics) {
        this.tx = tx;
        this.metrics = metrics;
    }

    /**
     * Records one fetch's outcome for review: open rows of fields written now are superseded, then the refused and held
     * values are stored (replacing an open row of the same field and kind).
     *
     * @param written
     *            the field names written by this fetch
     */
    public void record(long channelId, String source, Collection<String> written, List<Refusal> refused,
            List<Held> held, Instant at) {
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement("UPDATE parser_value_review SET state = 'SUPERSEDED',"
                    + " decided_at = ? WHERE channel_id = ? AND source = ? AND state = 'OPEN' AND field = ANY (?)")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, channelId);
                ps.setString(3, source);
                ps.setArray(4, c.createArrayOf("text", written.toArray()));
                ps.executeUpdate();
            }
            for (Refusal r : refused) {
                upsert(c, channelId, source, r.field(), "REFUSED", r.text(), null, null, r.reason(), at);
            }
            for (Held h : held) {
                upsert(c, channelId, source, h.name(), "HELD", null, h.proposed(), h.current(), h.reason(), at);
            }
            return null;
        });
    }

    private static void upsert(Connection c, long channelId, String source, String field, String kind, String raw,
            BigDecimal proposed, BigDecimal current, String reason, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE parser_value_review SET state = 'SUPERSEDED',"
                + " decided_at = ? WHERE channel_id = ? AND source = ? AND field = ? AND kind = ? AND state = 'OPEN'")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, channelId);
            ps.setString(3, source);
            ps.setString(4, field);
            ps.setString(5, kind);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO parser_value_review (channel_id, source, field,"
                + " kind, raw_text, proposed, current_value, reason, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, channelId);
            ps.setString(2, source);
            ps.setString(3, field);
            ps.setString(4, kind);
            ps.setString(5, raw);
            ps.setBigDecimal(6, proposed);
            ps.setBigDecimal(7, current);
            ps.setString(8, reason);
            ps.setTimestamp(9, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** A channel's open reviews first, then the last decided ones; newest first within each. */
    public List<ValueReview> forChannel(long channelId, int limit) {
        return query("WHERE channel_id = ? ORDER BY state = 'OPEN' DESC, detected_at DESC, id DESC LIMIT ?", channelId,
                limit);
    }

    public Optional<ValueReview> find(long id) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT " + COLUMNS + " FROM parser_value_review WHERE id = ?")) {
                ps.setLong(1, id);
                List<ValueReview> rows = rows(ps);
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            }
        });
    }

    /**
     * An admin's decision on an open held value: confirmed writes it to the channel, rejected keeps the channel as it
     * is. False when the review is not an open held value of that channel.
     */
    public boolean decide(long channelId, long reviewId, boolean confirm, String by, Instant at) {
        Optional<ValueReview> review = find(reviewId);
        if (review.isEmpty() || review.get().channelId() != channelId || !review.get().held() || !review.get().open()) {
            return false;
        }
        ValueReview r = review.get();
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("UPDATE parser_value_review SET"
                    + " state = ?, decided_at = ?, decided_by = ? WHERE id = ? AND state = 'OPEN'")) {
                ps.setString(1, confirm ? "CONFIRMED" : "REJECTED");
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, by);
                ps.setLong(4, reviewId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            if (confirm) {
                metrics.writeConfirmed(channelId, field(r.field()), r.proposed());
            }
            return true;
        });
    }

    /** The catalog column of a held field name. */
    static StatField field(String name) {
        return switch (name) {
        case "subscribers" -> StatField.SUBSCRIBERS;
        case "errPct" -> StatField.ERR_PCT;
        case "err24Pct" -> StatField.ERR24_PCT;
        default -> throw new IllegalArgumentException("not a held field: " + name);
        };
    }

    private List<ValueReview> query(String where, long channelId, int limit) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT " + COLUMNS + " FROM parser_value_review " + where)) {
                ps.setLong(1, channelId);
                ps.setInt(2, limit);
                return rows(ps);
            }
        });
    }

    private static List<ValueReview> rows(PreparedStatement ps) throws SQLException {
        List<ValueReview> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp decided = rs.getTimestamp(12);
                rows.add(new ValueReview(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), rs.getString(11), decided == null ? null : decided.toInstant(),
                        rs.getString(13)));
            }
        }
        return rows;
    }
}
