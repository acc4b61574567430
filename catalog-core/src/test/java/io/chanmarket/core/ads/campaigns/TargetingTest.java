package io.chanmarket.core.ads.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.clients.Client;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TargetingTest {

    private static Client aClient(int age, Client.Gender gender, String location) {
        return new Client(UUID.randomUUID(), "login", age, location, gender);
    }

    @Test
    void nullFieldsAndAllRestrictNothing() {
        Client anyone = aClient(17, Client.Gender.FEMALE, "Omsk");
        assertThat(Targeting.NONE.matches(anyone)).isTrue();
        assertThat(new Targeting("ALL", null, null, null).matches(anyone)).isTrue();
    }

    @Test
    void agesAreInclusiveAndLocationAndGenderExact() {
        Targeting t = new Targeting("MALE", 25, 40, "Chicago");
        assertThat(t.matches(aClient(25, Client.Gender.MALE, "Chicago"))).isTrue();
        assertThat(t.matches(aClient(40, Client.Gender.MALE, "Chicago"))).isTrue();
        assertThat(t.matches(aClient(24, Client.Gender.MALE, "Chicago"))).isFalse();
        assertThat(t.matches(aClient(41, Client.Gender.MALE, "Chicago"))).isFalse();
        assertThat(t.matches(aClient(30, Client.Gender.FEMALE, "Chicago"))).isFalse();
        assertThat(t.matches(aClient(30, Client.Gender.MALE, "chicago"))).isFalse();
    }

    @Test
    void anUnknownAttributeMatchesOnlyWhereItIsNotTargeted() {
        Client unknown = new Client(UUID.randomUUID(), "tg:1", null, null, null);
        assertThat(Targeting.NONE.matches(unknown)).isTrue();
        assertThat(new Targeting("ALL", null, null, null).matches(unknown)).isTrue();
        assertThat(new Targeting("MALE", null, null, null).matches(unknown)).isFalse();
        assertThat(new Targeting(null, 18, null, null).matches(unknown)).isFalse();
        assertThat(new Targeting(null, null, 99, null).matches(unknown)).isFalse();
        assertThat(new Targeting(null, null, null, "Omsk").matches(unknown)).isFalse();
    }

    @Test
    void eachKnownAttributeIsCheckedOnItsOwn() {
        Client ageOnly = new Client(UUID.randomUUID(), "tg:2", 30, null, null);
        assertThat(new Targeting("ALL", 25, 35, null).matches(ageOnly)).isTrue();
        assertThat(new Targeting(null, 25, 35, "Omsk").matches(ageOnly)).isFalse();
        assertThat(new Targeting("FEMALE", 25, 35, null).matches(ageOnly)).isFalse();
        Client womanInOmsk = new Client(UUID.randomUUID(), "tg:3", null, "Omsk", Client.Gender.FEMALE);
        assertThat(new Targeting("FEMALE", null, null, "Omsk").matches(womanInOmsk)).isTrue();
        assertThat(new Targeting("FEMALE", 18, null, "Omsk").matches(womanInOmsk)).isFalse();
    }
}
