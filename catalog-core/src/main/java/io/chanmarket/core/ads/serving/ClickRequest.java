package io.chanmarket.core.ads.serving;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The body of {@code POST /ads/{adId}/click} as received. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ClickRequest(String clientId) {
}
