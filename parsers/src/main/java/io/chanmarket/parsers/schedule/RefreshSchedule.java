package io.chanmarket.parsers.schedule;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.ChannelRef;
import io.chanmarket.core.platform.shared.Leases;
import io.chanmarket.core.platform.shared.NodeIdentity;
import io.chanmarket.parsers.fetch.FetchSettings;
import io.chanmarket.parsers.fetch.Pacing;
import io.chanmarket.parsers.fetch.ResponseCache;
import io.chanmarket.parsers.refresh.ChannelRefresher;
import io.chanmarket.parsers.refresh.RefreshOutcome;
import io.chanmarket.parsers.refresh.RefreshRunner;
import io.chanmarket.parsers.refresh.RefreshSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refreshes every channel once per {@link RefreshSettings#interval()}, spread evenly across it: with N channels, one
 * every interval ÷ N (never faster than the fetcher's politeness allows, since each refresh waits its turn). Queued
 * on-open requests go first. Runs on the one node holding the {@value #LEASE} lease.
 */
@Singleton
@Requires(property = "app.roles.parser-schedule", notEquals = "false")
class RefreshSchedule {

    /** The lease that makes the schedule a singleton across nodes. */
    public static final String LEASE = "parser-schedule";

    /** How many stale channels are looked at per pick (those that failed recently are skipped). */
    private static final int CANDIDATES = 200;

    private final ScheduleSettings settings;
    private final RefreshSettings refresh;
    private final FetchSettings fetch;
    private final ChannelMetrics metrics;
    private final ChannelRefresher refresher;
    private final RefreshRunner runner;
    private final ResponseCache cache;
    private final Leases leases;
    private final NodeIdentity node;
    private final Pacing pacing;
    private Instant nextScheduledAt = Instant.MIN;
    private Instant nextEviction = Instant.MIN;

    RefreshSchedule(ScheduleSettings settings, RefreshSettings refresh, FetchSettings fetch, ChannelMetrics metrics,
            ChannelRefresher refresher, RefreshRunner runner, ResponseCache cache, Leases leases, NodeIdentity node,
            Pacing pacing) {
        this.settings = settings;
        this.refresh = refresh;
        this.fetch = fetch;
        this.metrics = metrics;
        this.refresher = refresher;
        this.runner = runner;
        this.cache = cache;
        this.leases = leases;
        this.node = node;
        this.pacing = pacing;
    }

    /**
     * One round: on-open requests, then scheduled channels that are due, for at most one tick's time.
     *
     * @return the refreshes done; empty when another node holds the lease
     */
    public synchronized List<RefreshOutcome> runOnce() {
        if (!leases.tryAcquire(LEASE, node.id(), settings.leaseTtl())) {
            return List.of();
        }
        Instant started = pacing.now();
        if (!started.isBefore(nextEviction)) {
            cache.evictOlderThan(started.minus(fetch.cacheTtl()));
            nextEviction = started.plus(Duration.ofHours(1));
        }
        List<RefreshOutcome> done = new ArrayList<>(refresher.drainRequests(settings.requestsPerTick()));
        while (true) {
            Instant now = pacing.now();
            if (now.isBefore(nextScheduledAt) || now.isAfter(started.plus(settings.tick()))
                    || !leases.tryAcquire(LEASE, node.id(), settings.leaseTtl())) {
                break;
            }
            Optional<ChannelRef> next = nextDue(now);
            if (next.isEmpty()) {
                break;
            }
            done.add(runner.refresh(next.get()));
            nextScheduledAt = now.plus(spacing());
        }
        return done;
    }

    /** The pause between two scheduled refreshes: the interval shared out evenly over all channels. */
    Duration spacing() {
        long channels = Math.max(1, metrics.refreshableCount());
        return refresh.interval().dividedBy(channels);
    }

    private Optional<ChannelRef> nextDue(Instant now) {
        for (ChannelRef channel : metrics.staleChannels(now.minus(refresh.interval()), CANDIDATES)) {
            if (!refresher.recentlyFailed(channel.id(), now)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
