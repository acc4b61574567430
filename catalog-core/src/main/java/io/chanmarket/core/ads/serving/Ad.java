package io.chanmarket.core.ads.serving;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.UUID;

/**
 * The ad shown to a client; its id is the campaign's id. {@code adImageUrl} (an addition to the contract) is the
 * campaign's image, omitted from JSON when it has none.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Ad(UUID adId, String adTitle, String adText, UUID advertiserId, String adImageUrl) {
}
