package io.chanmarket.core.catalog.channels;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Numbers derived from a channel's fields. */
public final class ChannelNumbers {

    /**
     * The SQL twin of {@link #cpm}: price per thousand views of the ad reach (24 h), else of the average post reach.
     */
    static final String CPM_SQL = "round(c.price_rub * 1000 / NULLIF(COALESCE(c.ad_reach_24h, c.avg_reach), 0), 2)";

    private ChannelNumbers() {
    }

    /** CPM = price ÷ reach × 1000; empty when the price or a positive reach is missing. */
    public static Optional<BigDecimal> cpm(BigDecimal price, Long reach) {
        if (price == null || reach == null || reach <= 0) {
            return Optional.empty();
        }
        return Optional.of(
                price.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(reach), 2, RoundingMode.HALF_UP));
    }
}
