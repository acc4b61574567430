package io.chanmarket.core.ads.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chanmarket.core.ads.clients.Client;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Who may see a campaign's ad. A null field is no restriction; gender {@code ALL} is none either. Ages are inclusive;
 * the location must match the client's exactly. A client attribute that is unknown (null: a Mini App viewer who did not
 * say) matches only where the campaign does not restrict it: unknown gender fits gender null or {@code ALL}, unknown
 * age fits no age bound, unknown location fits no location.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Targeting(String gender, Integer ageFrom, Integer ageTo, String location) {

    public static final Targeting NONE = new Targeting(null, null, null, null);

    /** Whether {@code client} is in the audience. */
    public boolean matches(Client client) {
        Integer age = client.age();
        return (gender == null || "ALL".equals(gender)
                || client.gender() != null && gender.equals(client.gender().name()))
                && (ageFrom == null || age != null && age >= ageFrom) && (ageTo == null || age != null && age <= ageTo)
                && (location == null || location.equals(client.location()));
    }
}
