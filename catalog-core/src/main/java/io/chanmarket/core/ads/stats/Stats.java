package io.chanmarket.core.ads.stats;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.math.BigDecimal;

/**
 * Unique impressions and clicks, conversion in percent (0 without impressions) and money spent, each event at the price
 * in force when it happened.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Stats(long impressionsCount, long clicksCount, double conversion, double spentImpressions,
        double spentClicks, double spentTotal) {

    static Stats of(long impressions, long clicks, BigDecimal spentImpressions, BigDecimal spentClicks) {
        double conversion = impressions == 0 ? 0 : clicks * 100.0 / impressions;
        return new Stats(impressions, clicks, conversion, spentImpressions.doubleValue(), spentClicks.doubleValue(),
                spentImpressions.add(spentClicks).doubleValue());
    }
}
