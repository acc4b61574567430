package io.chanmarket.core.ads.campaigns;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.UUID;

/** An advertising campaign: one ad, its limits, prices, days (inclusive) and audience. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Campaign(UUID campaignId, UUID advertiserId, int impressionsLimit, int clicksLimit,
        double costPerImpression, double costPerClick, String adTitle, String adText, int startDate, int endDate,
        Targeting targeting) {

    /** Whether the campaign runs on {@code day}. */
    public boolean activeOn(int day) {
        return startDate <= day && day <= endDate;
    }
}
