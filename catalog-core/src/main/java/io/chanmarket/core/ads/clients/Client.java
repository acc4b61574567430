package io.chanmarket.core.ads.clients;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.UUID;

/** A viewer of ads, with what targeting looks at. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Client(UUID clientId, String login, int age, String location, Gender gender) {

    public enum Gender {
        MALE, FEMALE
    }
}
