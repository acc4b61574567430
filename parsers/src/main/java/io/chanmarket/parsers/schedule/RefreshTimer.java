package io.chanmarket.parsers.schedule;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the refresh schedule every tick (off with {@code app.parsers.schedule.enabled=false}). */
@Singleton
@Requires(property = "app.roles.parser-schedule", notEquals = "false")
@Requires(property = "app.parsers.schedule.enabled", notEquals = "false")
class RefreshTimer {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTimer.class);

    private final RefreshSchedule schedule;

    RefreshTimer(RefreshSchedule schedule) {
        this.schedule = schedule;
    }

    @Scheduled(fixedDelay = "${app.parsers.schedule.tick:10s}", initialDelay = "${app.parsers.schedule.initial-delay:30s}")
    void tick() {
        try {
            schedule.runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Parser schedule round failed: {}", e.toString());
        }
    }
}
