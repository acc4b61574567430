package io.chanmarket.core.ads.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chanmarket.core.platform.metrics.AppMetrics;
import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.ChangeBus;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.clients.Client;
import io.chanmarket.core.ads.clients.Clients;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client profiles in memory, dropped when the {@link ChangeBus} says the client or its ML scores changed (on any node).
 *
 * <p>
 * A miss loads the one profile from PostgreSQL (three reads). So that a first visit does not pay that, the whole table
 * is <em>preloaded</em> in the background ({@code app.ads.preload-profiles}, on by default): at start-up and after a
 * bulk upsert of clients, three streaming reads (clients, ML scores, impressions) fill the cache up to its size. A
 * profile the preload read may be stale by the time it is stored, so: it is only put where the cache has nothing (an
 * on-demand load is at least as new), clients whose change message arrives during the preload are skipped, and a change
 * after the put drops the entry as usual. A bulk change during a preload abandons it and starts another. The cache is a
 * Caffeine cache bounded by {@code app.ads.profile-cache-size} entries: past it the least useful profiles go, one at a
 * time (a full clear would send every following request to the database); its hits, misses and evictions are exported
 * ({@code cache_*{cache="ad_profiles"}}).
 */
@Singleton
class ClientProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(ClientProfiles.class);

    private final Cache<UUID, ClientProfile> cache;
    private final Clients clients;
    private final Advertisers advertisers;
    private final ServingRepository repository;
    private final int maxSize;
    private final boolean preloadEnabled;
    private final ExecutorService preloader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ad-profile-preload");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean preloadQueued = new AtomicBoolean();
    /** Clients changed since the running preload began; null when none runs. */
    private volatile Set<UUID> changedDuringPreload;
    private volatile boolean preloadAbandoned;

    ClientProfiles(Clients clients, Advertisers advertisers, ServingRepository repository, ChangeBus bus,
            @Value("${app.ads.profile-cache-size:200000}") int maxSize,
            @Value("${app.ads.preload-profiles:true}") boolean preloadEnabled,
            @Value("${app.roles.web:true}") boolean servesAds, AppMetrics metrics) {
        this.cache = Caffeine.newBuilder().maximumSize(Math.max(1, maxSize)).recordStats().build();
        metrics.monitor(cache, "ad_profiles");
        this.clients = clients;
        this.advertisers = advertisers;
        this.repository = repository;
        this.maxSize = maxSize;
        this.preloadEnabled = preloadEnabled && servesAds;
        bus.subscribe(message -> {
            if (message.startsWith(Clients.CHANGED)) {
                UUID id = UUID.fromString(message.substring(Clients.CHANGED.length()));
                Set<UUID> changed = changedDuringPreload;
                if (changed != null) {
                    changed.add(id);
                }
                cache.invalidate(id);
            } else if (Clients.ALL_CHANGED.equals(message)) {
                preloadAbandoned = true;
                cache.invalidateAll();
                schedulePreload();
            }
        });
    }

    @PreDestroy
    void close() {
        preloader.shutdownNow();
    }

    /** The client's profile if it is in memory now (no database read), else null. */
    ClientProfile cached(UUID clientId) {
        return cache.getIfPresent(clientId);
    }

    /** The client's profile, or {@link AdsException.NotFound}. */
    ClientProfile get(UUID clientId) {
        ClientProfile profile = cache.get(clientId, this::load);
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
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        seen.addAll(repository.seenBy(clientId));
        return profile(client, advertisers.scoresOf(clientId), seen);
    }

    private static ClientProfile profile(Client client, Map<UUID, Integer> scores, Set<UUID> seen) {
        int max = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new ClientProfile(client, Collections.unmodifiableMap(scores), max, seen);
    }

    /** Queues a preload unless one is already queued (a running one that is abandoned is followed by this one). */
    void schedulePreload() {
        if (preloadEnabled && preloadQueued.compareAndSet(false, true)) {
            preloader.execute(() -> {
                preloadQueued.set(false);
                try {
                    preload();
                } catch (RuntimeException e) {
                    LOG.warn("Preloading client profiles failed; they load on demand: {}", e.getMessage());
                } finally {
                    changedDuringPreload = null;
                }
            });
        }
    }

    /** Reads every client, score and impression and stores the profiles the cache does not have yet. */
    int preload() {
        long started = System.nanoTime();
        changedDuringPreload = ConcurrentHashMap.newKeySet();
        preloadAbandoned = false;
        Map<UUID, Client> all = new HashMap<>();
        clients.forEach(client -> {
            if (all.size() < maxSize) {
                all.put(client.clientId(), client);
            }
        });
        Map<UUID, Map<UUID, Integer>> scores = new HashMap<>();
        advertisers.forEachScore((client, advertiser, score) -> {
            if (all.containsKey(client)) {
                scores.computeIfAbsent(client, k -> new HashMap<>(8)).put(advertiser, score);
            }
        });
        Map<UUID, Set<UUID>> seen = new HashMap<>();
        repository.forEachImpression((client, campaign) -> {
            if (all.containsKey(client)) {
                seen.computeIfAbsent(client, k -> ConcurrentHashMap.newKeySet()).add(campaign);
            }
        });
        int stored = 0;
        for (Client client : all.values()) {
            if (preloadAbandoned || cache.estimatedSize() >= maxSize) {
                break;
            }
            if (changedDuringPreload.contains(client.clientId())) {
                continue;
            }
            Set<UUID> clientSeen = seen.get(client.clientId());
            if (clientSeen == null) {
                clientSeen = ConcurrentHashMap.newKeySet();
            }
            if (cache.asMap().putIfAbsent(client.clientId(),
                    profile(client, scores.getOrDefault(client.clientId(), new HashMap<>()), clientSeen)) == null) {
                stored++;
            }
        }
        LOG.info("Preloaded {} client profiles in {} ms{}", stored, (System.nanoTime() - started) / 1_000_000,
                preloadAbandoned ? " (abandoned: clients changed in bulk)" : "");
        return stored;
    }
}
