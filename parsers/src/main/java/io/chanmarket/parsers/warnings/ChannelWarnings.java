package io.chanmarket.parsers.warnings;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.MetricSnapshot;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Our warning signs per channel ({@code parser_channel_warning}), recomputed after every successful fetch. */
@Singleton
public class ChannelWarnings {

    /** Fetches considered (about a month of daily refreshes). */
    static final int HISTORY_ROWS = 30;

    private final ChannelMetrics metrics;
    private final TransactionOperations<Connection> tx;

    ChannelWarnings(ChannelMetrics metrics, TransactionOperations<Connection> tx) {
        this.metrics = metrics;
        this.tx = tx;
    }

    /** Recomputes and stores the warnings of a channel from its TGStat history. */
    public List<Warning> recompute(long channelId, Instant now) {
        List<MetricSnapshot> history = metrics.history(channelId, null, HISTORY_ROWS * 2).stream()
                .filter(s -> s.source().name().startsWith("TGSTAT")).limit(HISTORY_ROWS).toList();
        List<Warning> warnings = WarningHeuristics.evaluate(history);
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM parser_channel_warning WHERE channel_id = ?")) {
                ps.setLong(1, channelId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO parser_channel_warning (channel_id, code, detail, computed_at) VALUES (?, ?, ?, ?)")) {
                for (Warning w : warnings) {
                    ps.setLong(1, channelId);
                    ps.setString(2, w.code());
                    ps.setString(3, w.detail());
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return warnings;
    }

    /** The stored warnings of one channel. */
    public List<StoredWarning> forChannel(long channelId) {
        return query("WHERE channel_id = ? ORDER BY code", channelId);
    }

    /** Every stored warning, newest first. */
    public List<StoredWarning> all() {
        return query("ORDER BY computed_at DESC, channel_id, code", null);
    }

    private List<StoredWarning> query(String where, Long channelId) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "SELECT channel_id, code, detail, computed_at FROM parser_channel_warning " + where)) {
                if (channelId != null) {
                    ps.setLong(1, channelId);
                }
                List<StoredWarning> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new StoredWarning(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
                return rows;
            }
        });
    }
}
