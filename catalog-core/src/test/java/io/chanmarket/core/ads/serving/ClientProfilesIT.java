package io.chanmarket.core.ads.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.advertisers.AdvertiserUpsert;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.advertisers.MlScoreUpsert;
import io.chanmarket.core.ads.clients.ClientUpsert;
import io.chanmarket.core.ads.clients.Clients;
import io.chanmarket.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The preload of client profiles: everything stored comes into memory, and a later change still drops the entry. */
@MicronautTest(transactional = false)
class ClientProfilesIT implements DatabaseTest {

    @Inject
    Clients clients;
    @Inject
    Advertisers advertisers;
    @Inject
    ClientProfiles profiles;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("app.ads.preload-profiles", "false");
    }

    @Test
    void aPreloadBringsClientsWithTheirScoresAndAChangeDropsTheEntry() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID shop = UUID.randomUUID();
        clients.upsert(List.of(new ClientUpsert(ann.toString(), "ann", 30, "Kazan", "FEMALE"),
                new ClientUpsert(bob.toString(), "bob", 41, "Omsk", "MALE")));
        advertisers.upsert(List.of(new AdvertiserUpsert(shop.toString(), "Shop")));
        advertisers.upsertScore(new MlScoreUpsert(ann.toString(), shop.toString(), 70L));
        assertThat(profiles.cached(ann)).isNull();

        assertThat(profiles.preload()).isGreaterThanOrEqualTo(2);

        ClientProfile loaded = profiles.cached(ann);
        assertThat(loaded).isNotNull();
        assertThat(loaded.client().location()).isEqualTo("Kazan");
        assertThat(loaded.score(shop)).isEqualTo(70);
        assertThat(loaded.maxScore()).isEqualTo(70);
        assertThat(profiles.cached(bob).scores()).isEmpty();

        advertisers.upsertScore(new MlScoreUpsert(ann.toString(), shop.toString(), 90L));
        waitUntilDropped(ann); // the change message may come through Redis
        assertThat(profiles.get(ann).score(shop)).isEqualTo(90);
    }

    private void waitUntilDropped(UUID client) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (profiles.cached(client) != null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(profiles.cached(client)).isNull();
    }

    @Test
    void aPreloadDoesNotReplaceAProfileAlreadyInMemory() {
        UUID cid = UUID.randomUUID();
        clients.upsert(List.of(new ClientUpsert(cid.toString(), "cid", 25, "Ufa", "MALE")));
        ClientProfile onDemand = profiles.get(cid);
        onDemand.seen().add(UUID.randomUUID());

        profiles.preload();

        assertThat(profiles.cached(cid)).isSameAs(onDemand);
    }
}
