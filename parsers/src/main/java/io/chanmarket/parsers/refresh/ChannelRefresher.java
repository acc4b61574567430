package io.chanmarket.parsers.refresh;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.ChannelRef;
import io.chanmarket.parsers.fetch.Pacing;
import io.chanmarket.parsers.result.ResultStatus;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-open refresh: a page that shows a channel calls {@link #refreshIfStale} and renders at once with the values it
 * has. A stale channel gets a refresh request ({@code parser_refresh_request}) that the node running the parser
 * schedule works off first, so all TGStat traffic stays on one node under one set of politeness limits.
 */
@Singleton
public class ChannelRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRefresher.class);

    /**
     * Queues the request when the channel is stale ({@code ?} 3) and its last TGStat fetch did not fail within the
     * retry pause, then tells whether a request is queued (the outer query does not see the CTE's own insert).
     */
    private static final String MARK_SQL = """
            WITH queued AS (
                INSERT INTO parser_refresh_request (channel_id, requested_at)
                SELECT ?, ? WHERE ? AND NOT EXISTS (SELECT 1 FROM parser_fetch_status s WHERE s.channel_id = ?
                    AND s.source LIKE 'TGSTAT%' AND s.last_status <> 'OK' AND s.last_attempt_at > ?)
                ON CONFLICT (channel_id) DO NOTHING
                RETURNING channel_id)
            SELECT EXISTS (SELECT 1 FROM queued)
                OR EXISTS (SELECT 1 FROM parser_refresh_request WHERE channel_id = ?)
            """;

    private final ChannelMetrics metrics;
    private final RefreshSettings settings;
    private final FetchLog log;
    private final RefreshRunner runner;
    private final Pacing pacing;
    private final TransactionOperations<Connection> tx;
    private final ConnectionOperations<Connection> connections;

    ChannelRefresher(ChannelMetrics metrics, RefreshSettings settings, FetchLog log, RefreshRunner runner,
            Pacing pacing, TransactionOperations<Connection> tx, ConnectionOperations<Connection> connections) {
        this.metrics = metrics;
        this.settings = settings;
        this.log = log;
        this.runner = runner;
        this.pacing = pacing;
        this.tx = tx;
        this.connections = connections;
    }

    /**
     * Asks for a refresh when the channel's values are older than the on-open age; returns immediately, never waiting
     * on TGStat. A channel whose last fetch failed recently is not asked for again until the retry pause is over; demo
     * channels and channels without a username or TGStat link are never fetched.
     */
    public RefreshMark refreshIfStale(long channelId) {
        return metrics.find(channelId).map(this::refreshIfStale).orElse(new RefreshMark(false, false));
    }

    /**
     * {@link #refreshIfStale(long)} for a channel the caller has just read (the card): one statement in its own
     * autocommit, which queues the request unless the last TGStat fetch failed within the retry pause and tells whether
     * a refresh is queued. A failure here never fails the page: the mark then says nothing is queued.
     */
    public RefreshMark refreshIfStale(ChannelRef channel) {
        if (!fetched(channel)) {
            return new RefreshMark(false, false);
        }
        Instant now = pacing.now();
        Instant updated = channel.metricsUpdatedAt();
        boolean stale = updated == null || updated.isBefore(now.minus(settings.onOpenMaxAge()));
        try {
            boolean refreshing = connections.executeWrite(status -> {
                try (PreparedStatement ps = status.getConnection().prepareStatement(MARK_SQL)) {
                    ps.setLong(1, channel.id());
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setBoolean(3, stale);
                    ps.setLong(4, channel.id());
                    ps.setTimestamp(5, Timestamp.from(now.minus(settings.retryAfterFailure())));
                    ps.setLong(6, channel.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                } catch (SQLException e) {
                    throw new DataAccessException("Could not queue the refresh of channel " + channel.id(), e);
                }
            });
            return new RefreshMark(stale, refreshing);
        } catch (RuntimeException e) {
            LOG.warn("On-open refresh of channel {} not queued: {}", channel.id(), e.getMessage());
            return new RefreshMark(stale, false);
        }
    }

    /**
     * Queues a refresh now, whatever the age of the values (an admin's "refresh now"); the schedule works it off first.
     * Returns false for channels that are never fetched (unknown, demo, no username or TGStat link).
     */
    public boolean requestRefresh(long channelId) {
        if (!metrics.find(channelId).map(ChannelRefresher::fetched).orElse(false)) {
            return false;
        }
        Instant now = pacing.now();
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO parser_refresh_request"
                    + " (channel_id, requested_at) VALUES (?, ?) ON CONFLICT (channel_id) DO NOTHING")) {
                ps.setLong(1, channelId);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.executeUpdate();
            }
            return null;
        });
        return true;
    }

    /** Whether the channel is ever fetched: not demo, with a username or TGStat link. */
    private static boolean fetched(ChannelRef channel) {
        return !channel.demo() && RefreshRunner.username(channel) != null;
    }

    /** Whether a refresh of the channel is queued. */
    public boolean isRefreshing(long channelId) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT 1 FROM parser_refresh_request WHERE channel_id = ?")) {
                ps.setLong(1, channelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Works off up to {@code max} queued requests, oldest first (called by the schedule on the node holding its lease).
     *
     * @return the outcomes, in order
     */
    public List<RefreshOutcome> drainRequests(int max) {
        List<Long> ids = tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "SELECT channel_id FROM parser_refresh_request ORDER BY requested_at, channel_id LIMIT ?")) {
                ps.setInt(1, max);
                List<Long> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1));
                    }
                }
                return rows;
            }
        });
        List<RefreshOutcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            metrics.find(id).ifPresent(channel -> outcomes.add(runner.refresh(channel)));
            tx.executeWrite(status -> {
                try (PreparedStatement ps = status.getConnection()
                        .prepareStatement("DELETE FROM parser_refresh_request WHERE channel_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
                return null;
            });
        }
        return outcomes;
    }

    /** Whether the channel's last TGStat fetch failed within the retry pause. */
    public boolean recentlyFailed(long channelId, Instant now) {
        Instant cutoff = now.minus(settings.retryAfterFailure());
        return log.statuses(channelId).stream().filter(s -> s.source().startsWith("TGSTAT"))
                .anyMatch(s -> s.lastStatus() != ResultStatus.OK && s.lastAttemptAt().isAfter(cutoff));
    }
}
