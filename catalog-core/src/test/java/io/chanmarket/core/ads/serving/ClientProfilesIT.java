package io.chanmarket.core.ads.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.ChangeBus;
import io.chanmarket.core.ads.advertisers.AdvertiserUpsert;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.advertisers.MlScoreUpsert;
import io.chanmarket.core.ads.clients.ClientUpsert;
import io.chanmarket.core.ads.clients.Clients;
import io.chanmarket.testing.DatabaseTest;
import io.chanmarket.testing.TestInfrastructure;
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
    @Inject
    ChangeBus bus;

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

        preloadUntilCached(ann, bob);

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

    /**
     * Preloads until both clients are in memory: a change message of the setup that comes through Redis after a preload
     * began makes that preload skip the client (as it must), so a later one brings it.
     */
    private void preloadUntilCached(UUID... clientIds) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        boolean all;
        do {
            profiles.preload();
            all = java.util.Arrays.stream(clientIds).allMatch(id -> profiles.cached(id) != null);
        } while (!all && System.nanoTime() < deadline);
        assertThat(clientIds).allSatisfy(id -> assertThat(profiles.cached(id)).isNotNull());
    }

    /**
     * Returns once the change messages published so far have been delivered here a second time: the bus delivers to
     * this node at once and then again through Redis (when the run uses Redis), in publishing order.
     */
    private void awaitChangeMessages() {
        String marker = "test-marker:" + UUID.randomUUID();
        int deliveries = TestInfrastructure.redisUri().isPresent() ? 2 : 1;
        java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(deliveries);
        bus.subscribe(message -> {
            if (message.equals(marker)) {
                seen.countDown();
            }
        });
        bus.publish(marker);
        try {
            assertThat(seen.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        awaitChangeMessages();
        ClientProfile onDemand = profiles.get(cid);
        onDemand.seen().add(UUID.randomUUID());

        profiles.preload();

        assertThat(profiles.cached(cid)).isSameAs(onDemand);
    }
}
