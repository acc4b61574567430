package io.chanmarket.parsers.schedule;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The refresh schedule ({@code app.parsers.schedule.*}); it runs where {@code app.roles.parser-schedule} is on, on the
 * one node holding its lease.
 *
 * @param enabled
 *            switch the timer off (tests call {@link RefreshSchedule#runOnce()} themselves)
 * @param tick
 *            pause between two rounds
 * @param requestsPerTick
 *            on-open refresh requests worked off per round, before scheduled channels
 * @param leaseTtl
 *            how long the lease lasts without renewal (a crashed node's schedule moves after this)
 */
@ConfigurationProperties("app.parsers.schedule")
record ScheduleSettings(@Bindable(defaultValue = "true") boolean enabled, @Bindable(defaultValue = "10s") Duration tick,
        @Bindable(defaultValue = "5") int requestsPerTick, @Bindable(defaultValue = "5m") Duration leaseTtl) {
}
