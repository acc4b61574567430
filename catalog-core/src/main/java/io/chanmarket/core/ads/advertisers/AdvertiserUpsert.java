package io.chanmarket.core.ads.advertisers;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One element of {@code POST /advertisers/bulk} as received; {@link Advertisers} validates it. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AdvertiserUpsert(String advertiserId, String name) {
}
