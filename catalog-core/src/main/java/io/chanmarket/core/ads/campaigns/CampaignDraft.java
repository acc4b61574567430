package io.chanmarket.core.ads.campaigns;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The body of a campaign create ({@code POST}) or replace ({@code PUT}) as received; {@link Campaigns} validates it.
 * Omitted targeting, or omitted targeting fields, mean no restriction.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CampaignDraft(Integer impressionsLimit, Integer clicksLimit, Double costPerImpression,
        Double costPerClick, String adTitle, String adText, Integer startDate, Integer endDate,
        TargetingDraft targeting) {

    /** Targeting as received. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record TargetingDraft(String gender, Integer ageFrom, Integer ageTo, String location) {
    }
}
