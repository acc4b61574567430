package io.chanmarket.core.analytics;

import io.chanmarket.core.platform.shared.Leases;
import io.chanmarket.core.platform.shared.NodeIdentity;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rollups and the precomputed conversion totals current in the background: every {@code fold-interval}, on
 * the node that holds the lease.
 */
@Singleton
class AnalyticsTimer {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsTimer.class);
    static final String LEASE = "analytics-rollup";

    private final AnalyticsRollup rollup;
    private final Leases leases;
    private final NodeIdentity node;
    private final AnalyticsSettings settings;
    private final AnalyticsReports reports;

    AnalyticsTimer(AnalyticsRollup rollup, Leases leases, NodeIdentity node, AnalyticsSettings settings,
            AnalyticsReports reports) {
        this.rollup = rollup;
        this.reports = reports;
        this.leases = leases;
        this.node = node;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${app.analytics.fold-interval:30s}", initialDelay = "${app.analytics.fold-interval:30s}")
    void tick() {
        if (!leases.tryAcquire(LEASE, node.id(), settings.leaseTtl())) {
            return;
        }
        try {
            rollup.fold();
            reports.refreshPrecomputed();
        } catch (RuntimeException e) {
            LOG.error("Analytics fold failed: {}", e.getMessage());
        }
    }
}
