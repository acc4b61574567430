package io.chanmarket.core.ads.clients;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One element of {@code POST /clients/bulk} as received; {@link Clients} validates it. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ClientUpsert(String clientId, String login, Integer age, String location, String gender) {
}
