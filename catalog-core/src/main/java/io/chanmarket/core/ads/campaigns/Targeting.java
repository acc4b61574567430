package io.chanmarket.core.ads.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chanmarket.core.ads.clients.Client;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Who may see a campaign's ad. A null field is no restriction; gender {@code ALL} is none either. Ages are inclusive;
 * the location must match the client's exactly.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Targeting(String gender, Integer ageFrom, Integer ageTo, String location) {

    public static final Targeting NONE = new Targeting(null, null, null, null);

    /** Whether {@code client} is in the audience. */
    public boolean matches(Client client) {
        return (gender == null || "ALL".equals(gender) || gender.equals(client.gender().name()))
                && (ageFrom == null || client.age() >= ageFrom) && (ageTo == null || client.age() <= ageTo)
                && (location == null || location.equals(client.location()));
    }
}
