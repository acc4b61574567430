package io.chanmarket.parsers.refresh;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.ChannelRef;
import io.chanmarket.parsers.fetch.Pacing;
import io.chanmarket.parsers.result.ResultStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The on-open refresh: a page that shows a channel calls {@link #refreshIfStale} and renders at once with the values it
 * has. A stale channel gets a refresh request ({@code parser_refresh_request}) that the node running the parser
 * schedule works off first, so all TGStat traffic stays on one node under one set of politeness limits.
 */
@Singleton
public class ChannelRefresher {

    private final ChannelMetrics metrics;
    private final RefreshSettings settings;
    private final FetchLog log;
    private final RefreshRunner runner;
    private final Pacing pacing;
    private final TransactionOperations<Connection> tx;

    ChannelRefresher(ChannelMetrics metrics, RefreshSettings settings, FetchLog log, RefreshRunner runner,
            Pacing pacing, TransactionOperations<Connection> tx) {
        this.metrics = metrics;
        this.settings = settings;
        this.log = log;
        this.runner = runner;
        this.pacing = pacing;
        this.tx = tx;
    }

    /**
     * Asks for a refresh when the channel's values are older than the on-open age; returns immediately, never waiting
     * on TGStat. A channel whose last fetch failed recently is not asked for again until the retry pause is over; demo
     * channels and channels without a username or TGStat link are never fetched.
     */
    public RefreshMark refreshIfStale(long channelId) {
        Optional<ChannelRef> channel = metrics.find(channelId);
        if (channel.isEmpty() || channel.get().demo() || RefreshRunner.username(channel.get()) == null) {
            return new RefreshMark(false, false);
        }
        Instant now = pacing.now();
        Instant updated = channel.get().metricsUpdatedAt();
        boolean stale = updated == null || updated.isBefore(now.minus(settings.onOpenMaxAge()));
        if (!stale) {
            return new RefreshMark(false, isRefreshing(channelId));
        }
        if (recentlyFailed(channelId, now)) {
            return new RefreshMark(true, isRefreshing(channelId));
        }
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO parser_refresh_request"
                    + " (channel_id, requested_at) VALUES (?, ?) ON CONFLICT (channel_id) DO NOTHING")) {
                ps.setLong(1, channelId);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.executeUpdate();
            }
            return null;
        });
        return new RefreshMark(true, true);
    }

    /**
     * Queues a refresh now, whatever the age of the values (an admin's "refresh now"); the schedule works it off first.
     * Returns false for channels that are never fetched (unknown, demo, no username or TGStat link).
     */
    public boolean requestRefresh(long channelId) {
        Optional<ChannelRef> channel = metrics.find(channelId);
        if (channel.isEmpty() || channel.get().demo() || RefreshRunner.username(channel.get()) == null) {
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
