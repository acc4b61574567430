package io.chanmarket.core.ads.clients;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.UUID;

/**
 * A viewer of ads, with what targeting looks at. Clients of {@code POST /clients/bulk} always have age, location and
 * gender; Mini App viewers may leave them unknown (null, written as JSON null), which matches only campaigns with no
 * restriction on that attribute.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Client(UUID clientId, String login, @Nullable Integer age, @Nullable String location,
        @Nullable Gender gender) {

    public enum Gender {
        MALE, FEMALE
    }
}
