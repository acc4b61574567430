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
}
