package io.chanmarket.parsers.review;

import io.chanmarket.parsers.result.LabelMarker;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The markers behind each channel's labels ({@code parser_label_marker}): which marker, its text, where it was, when it
 * was first and last seen. Replaced per channel and source on every fetch that could look at the markers.
 */
@Singleton
public class LabelEvidence {

    private final TransactionOperations<Connection> tx;

    LabelEvidence(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Records the markers seen now; markers no longer there are dropped, markers still there keep first_seen_at. */
    public void replace(long channelId, String source, List<LabelMarker> markers, Instant seenAt) {
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM parser_label_marker WHERE channel_id = ?"
                    + " AND source = ? AND NOT ((element, marker_text) IN (SELECT * FROM unnest(?::text[], ?::text[])))")) {
                ps.setLong(1, channelId);
                ps.setString(2, source);
                ps.setArray(3, c.createArrayOf("text", markers.stream().map(LabelMarker::element).toArray()));
                ps.setArray(4, c.createArrayOf("text", markers.stream().map(LabelMarker::text).toArray()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parser_label_marker (channel_id, source,"
                    + " element, marker_text, kind, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (channel_id, source, element, marker_text) DO UPDATE SET kind = excluded.kind,"
                    + " last_seen_at = excluded.last_seen_at")) {
                for (LabelMarker m : markers) {
                    ps.setLong(1, channelId);
                    ps.setString(2, source);
                    ps.setString(3, m.element());
                    ps.setString(4, m.text());
                    ps.setString(5, m.kind().name());
                    ps.setTimestamp(6, Timestamp.from(seenAt));
                    ps.setTimestamp(7, Timestamp.from(seenAt));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The channel's current labels; no labels for an unknown channel. */
    public LabelState state(long channelId) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT red_label, black_label FROM channel WHERE id = ?")) {
                ps.setLong(1, channelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new LabelState(rs.getBoolean(1), rs.getBoolean(2))
                            : new LabelState(false, false);
                }
            }
        });
    }

    /** The markers of a channel: label markers first, then unknown, then the rest. */
    public List<StoredMarker> forChannel(long channelId) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT channel_id, source, kind,"
                    + " marker_text, element, first_seen_at, last_seen_at FROM parser_label_marker WHERE channel_id = ?"
                    + " ORDER BY CASE kind WHEN 'RED' THEN 0 WHEN 'BLACK' THEN 1 WHEN 'UNKNOWN' THEN 2 ELSE 3 END,"
                    + " source, element")) {
                ps.setLong(1, channelId);
                List<StoredMarker> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new StoredMarker(rs.getLong(1), rs.getString(2),
                                LabelMarker.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()));
                    }
                }
                return rows;
            }
        });
    }
}
