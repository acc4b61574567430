package io.chanmarket.parsers.refresh;

import io.chanmarket.core.platform.metrics.AppMetrics;
import io.chanmarket.parsers.result.ResultStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every fetch attempt and the latest state per channel and source ({@code parser_fetch_attempt},
 * {@code parser_fetch_status}). Failures are kept here with their time and reason; the channel's values are not touched
 * by them.
 */
@Singleton
public class FetchLog {

    private final TransactionOperations<Connection> tx;

    private final AppMetrics metrics;

    FetchLog(TransactionOperations<Connection> tx, AppMetrics metrics) {
        this.tx = tx;
        this.metrics = metrics;
        for (String source : java.util.Arrays.stream(io.chanmarket.core.catalog.metrics.MetricSource.values())
                .map(Enum::name).toList()) {
            metrics.declare(AppMetrics.PARSER_FETCHES, "status",
                    java.util.Arrays.stream(ResultStatus.values()).map(Enum::name).toList(), "source",
                    source.toLowerCase(java.util.Locale.ROOT));
        }
    }

    void record(FetchAttempt attempt) {
        metrics.parserFetch(attempt.source(), attempt.status().name());
        boolean ok = attempt.status() == ResultStatus.OK;
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parser_fetch_attempt (channel_id, source,"
                    + " attempted_at, status, reason, duration_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, attempt.channelId());
                ps.setString(2, attempt.source());
                ps.setTimestamp(3, Timestamp.from(attempt.attemptedAt()));
                ps.setString(4, attempt.status().name());
                ps.setString(5, attempt.reason());
                ps.setLong(6, attempt.durationMs());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parser_fetch_status (channel_id, source,"
                    + " last_attempt_at, last_status, last_reason, last_success_at, consecutive_failures)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel_id, source) DO UPDATE SET"
                    + " last_attempt_at = excluded.last_attempt_at, last_status = excluded.last_status,"
                    + " last_reason = excluded.last_reason,"
                    + " last_success_at = COALESCE(excluded.last_success_at, parser_fetch_status.last_success_at),"
                    + " consecutive_failures = CASE WHEN excluded.consecutive_failures = 0 THEN 0"
                    + " ELSE parser_fetch_status.consecutive_failures + 1 END")) {
                ps.setLong(1, attempt.channelId());
                ps.setString(2, attempt.source());
                ps.setTimestamp(3, Timestamp.from(attempt.attemptedAt()));
                ps.setString(4, attempt.status().name());
                ps.setString(5, attempt.reason());
                ps.setTimestamp(6, ok ? Timestamp.from(attempt.attemptedAt()) : null);
                ps.setInt(7, ok ? 0 : 1);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The latest state of a channel per source. */
    public List<FetchStatus> statuses(long channelId) {
        return query("WHERE channel_id = ? ORDER BY source", ps -> ps.setLong(1, channelId));
    }

    /** Channels whose latest fetch failed, most recent first. */
    public List<FetchStatus> failing(int limit) {
        return query("WHERE last_status <> 'OK' ORDER BY last_attempt_at DESC LIMIT ?", ps -> ps.setInt(1, limit));
    }

    /** The last attempts for a channel, newest first. */
    List<FetchAttempt> attempts(long channelId, int limit) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT channel_id, source,"
                    + " attempted_at, status, reason, duration_ms FROM parser_fetch_attempt WHERE channel_id = ?"
                    + " ORDER BY attempted_at DESC, id DESC LIMIT ?")) {
                ps.setLong(1, channelId);
                ps.setInt(2, limit);
                List<FetchAttempt> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new FetchAttempt(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                                ResultStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6)));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Channels shown in the catalog whose values were written since {@code freshSince}, those older or never written,
     * and those whose latest fetch of some source failed.
     */
    public long[] health(Instant freshSince) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("""
                    SELECT count(*) FILTER (WHERE c.metrics_updated_at >= ?),
                           count(*) FILTER (WHERE c.metrics_updated_at IS NULL OR c.metrics_updated_at < ?),
                           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM parser_fetch_status s
                                                          WHERE s.channel_id = c.id AND s.consecutive_failures > 0))
                    FROM channel c WHERE NOT c.hidden
                    """)) {
                ps.setTimestamp(1, Timestamp.from(freshSince));
                ps.setTimestamp(2, Timestamp.from(freshSince));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
                }
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<FetchStatus> query(String where, Binder binder) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT channel_id, source,"
                            + " last_attempt_at, last_status, last_reason, last_success_at, consecutive_failures"
                            + " FROM parser_fetch_status " + where)) {
                binder.bind(ps);
                List<FetchStatus> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp success = rs.getTimestamp(6);
                        rows.add(new FetchStatus(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                                ResultStatus.valueOf(rs.getString(4)), rs.getString(5),
                                success == null ? null : success.toInstant(), rs.getInt(7)));
                    }
                }
                return rows;
            }
        });
    }
}
