package io.chanmarket.core.ads.advertisers;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The body of {@code POST /ml-scores} as received; {@link Advertisers#upsertScore} validates it. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MlScoreUpsert(String clientId, String advertiserId, Long score) {
}
