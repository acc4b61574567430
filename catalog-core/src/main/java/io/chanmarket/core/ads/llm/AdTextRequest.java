package io.chanmarket.core.ads.llm;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The body of an ad-text request as received: either {@code campaign_title}, or {@code campaign_id} of one of the
 * advertiser's campaigns (its title is used).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AdTextRequest(String campaignTitle, String campaignId) {
}
