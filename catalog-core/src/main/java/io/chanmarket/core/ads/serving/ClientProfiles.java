package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.ChangeBus;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.clients.Client;
import io.chanmarket.core.ads.clients.Clients;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client profiles loaded on demand from PostgreSQL and dropped when the {@link ChangeBus} says the client or its ML
 * scores changed (on any node). A removal that races a load waits for it and then drops the loaded entry, so a stale
 * load is never kept. The cache is bounded: past {@code app.ads.profile-cache-size} entries it starts over.
 */
@Singleton
class ClientProfiles {

    private final Map<UUID, ClientProfile> cache = new ConcurrentHashMap<>();
    private final Clients clients;
    private final Advertisers advertisers;
    private final ServingRepository repository;
    private final int maxSize;

    ClientProfiles(Clients clients, Advertisers advertisers, ServingRepository repository, ChangeBus bus,
            @Value("${app.ads.profile-cache-size:200000}") int maxSize) {
        this.clients = clients;
        this.advertisers = advertisers;
        this.repository = repository;
        this.maxSize = maxSize;
        bus.subscribe(message -> {
            if (message.startsWith(Clients.CHANGED)) {
                cache.remove(UUID.fromString(message.substring(Clients.CHANGED.length())));
            } else if (Clients.ALL_CHANGED.equals(message)) {
                cache.clear();
            }
        });
    }

    /** The client's profile if it is in memory now (no database read), else null. */
    ClientProfile cached(UUID clientId) {
        return cache.get(clientId);
    }

    /** The client's profile, or {@link AdsException.NotFound}. */
    ClientProfile get(UUID clientId) {
        ClientProfile profile = cache.get(clientId);
        if (profile != null) {
            return profile;
        }
        if (cache.size() >= maxSize) {
            cache.clear();
        }
        profile = cache.computeIfAbsent(clientId, this::load);
        if (profile == null) {
            throw new AdsException.NotFound("client " + clientId + " not found");
        }
        return profile;
    }

    private ClientProfile load(UUID clientId) {
        Client client = clients.find(clientId).orElse(null);
        if (client == null) {
            return null;
        }
        Map<UUID, Integer> scores = advertisers.scoresOf(clientId);
        int max = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        seen.addAll(repository.seenBy(clientId));
        return new ClientProfile(client, Collections.unmodifiableMap(scores), max, seen);
    }
}
