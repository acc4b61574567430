package io.chanmarket.core.ads.advertisers;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.UUID;

/** An advertiser: owns campaigns. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Advertiser(UUID advertiserId, String name) {
}
