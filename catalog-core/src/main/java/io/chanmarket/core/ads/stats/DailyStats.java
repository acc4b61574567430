package io.chanmarket.core.ads.stats;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@link Stats} of one day. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DailyStats(long impressionsCount, long clicksCount, double conversion, double spentImpressions,
        double spentClicks, double spentTotal, int date) {

    static DailyStats of(int date, Stats stats) {
        return new DailyStats(stats.impressionsCount(), stats.clicksCount(), stats.conversion(),
                stats.spentImpressions(), stats.spentClicks(), stats.spentTotal(), date);
    }
}
