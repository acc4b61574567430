package io.chanmarket.core.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Analytics settings ({@code app.analytics.*}).
 *
 * @param timeZone
 *            days and weeks (Monday to Sunday) are cut in this zone
 * @param presets
 *            the chart presets, defined once: comma-separated {@code <count>d} (days in 1-day steps) or
 *            {@code <count>w} (weeks in 1-week steps), e.g. {@code 14d,50w}
 * @param maxStaleness
 *            a page folds new events before it reads when the last fold is older than this
 * @param foldInterval
 *            pause between background folds (on one node, under a lease)
 * @param leaseTtl
 *            lease of the background fold; another node takes over this long after a crash
 */
@ConfigurationProperties("app.analytics")
public record AnalyticsSettings(@Bindable(defaultValue = "Europe/Moscow") ZoneId timeZone,
        @Bindable(defaultValue = "14d,50w") String presets, @Bindable(defaultValue = "1m") Duration maxStaleness,
        @Bindable(defaultValue = "30s") Duration foldInterval, @Bindable(defaultValue = "5m") Duration leaseTtl) {
}
