package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.campaigns.Campaign;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.UUID;

/**
 * The ad shown to a client; its id is the campaign's id. {@code adImageUrl} (an addition to the contract) is the
 * campaign's image, omitted from JSON when it has none.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Ad(UUID adId, String adTitle, String adText, UUID advertiserId, String adImageUrl) {

    /** The ad a campaign shows. */
    public static Ad of(Campaign campaign) {
        return new Ad(campaign.campaignId(), campaign.adTitle(), campaign.adText(), campaign.advertiserId(),
                campaign.adImageUrl());
    }
}
