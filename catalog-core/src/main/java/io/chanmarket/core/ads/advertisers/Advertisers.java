package io.chanmarket.core.ads.advertisers;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.ChangeBus;
import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.clients.Clients;
import io.chanmarket.core.platform.shared.PageOf;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Advertisers (bulk create-or-update, lookup) and the ML scores of (client, advertiser) pairs. */
@Singleton
public class Advertisers {

    private static final int MAX_BATCH = 10_000;

    private final AdvertiserRepository repository;
    private final Clients clients;
    private final ChangeBus bus;

    Advertisers(AdvertiserRepository repository, Clients clients, ChangeBus bus) {
        this.repository = repository;
        this.clients = clients;
        this.bus = bus;
    }

    /**
     * Creates or renames every advertiser in {@code upserts}, all or none. When an id repeats, the last one wins.
     *
     * @return the stored advertisers, in the order given
     */
    public List<Advertiser> upsert(List<AdvertiserUpsert> upserts) {
        List<Advertiser> advertisers = Validation.eachOf(upserts, MAX_BATCH, "advertisers",
                (upsert, at) -> new Advertiser(Validation.uuid(upsert.advertiserId(), at + "advertiser_id"),
                        Validation.text(upsert.name(), at + "name")));
        Map<UUID, Advertiser> last = new LinkedHashMap<>();
        advertisers.forEach(advertiser -> last.put(advertiser.advertiserId(), advertiser));
        repository.upsert(last.values());
        return advertisers;
    }

    public Optional<Advertiser> find(UUID advertiserId) {
        return repository.find(advertiserId);
    }

    /** One page (1-based) of the advertisers whose name contains {@code search} (case-insensitive), by name. */
    public PageOf<AdvertiserSummary> search(String search, int page, int size) {
        return repository.search(search == null ? "" : search.trim(), Math.max(1, page), Math.max(1, size));
    }

    /** The advertiser, or {@link AdsException.NotFound}. */
    public Advertiser get(String advertiserId) {
        return get(Validation.uuid(advertiserId, "advertiser_id"));
    }

    /** The advertiser, or {@link AdsException.NotFound}. */
    public Advertiser get(UUID advertiserId) {
        return find(advertiserId)
                .orElseThrow(() -> new AdsException.NotFound("advertiser " + advertiserId + " not found"));
    }

    /** Sets the ML score of a (client, advertiser) pair; both must exist. A missing score counts as 0. */
    public void upsertScore(MlScoreUpsert upsert) {
        if (upsert == null) {
            throw new AdsException.Invalid("the body must be a JSON object with client_id, advertiser_id and score");
        }
        UUID clientId = Validation.uuid(upsert.clientId(), "client_id");
        UUID advertiserId = Validation.uuid(upsert.advertiserId(), "advertiser_id");
        long score = Validation.required(upsert.score(), "score");
        if (score < 0 || score > Integer.MAX_VALUE) {
            throw new AdsException.Invalid("score must be between 0 and " + Integer.MAX_VALUE + ", got " + score);
        }
        if (clients.find(clientId).isEmpty()) {
            throw new AdsException.NotFound("client " + clientId + " not found");
        }
        get(advertiserId);
        repository.upsertScore(clientId, advertiserId, (int) score);
        bus.publish(Clients.CHANGED + clientId);
    }

    /** Receives ML scores. */
    @FunctionalInterface
    public interface ScoreSink {
        void accept(UUID clientId, UUID advertiserId, int score);
    }

    /** Every stored ML score, streamed (for warming caches). */
    public void forEachScore(ScoreSink sink) {
        repository.forEachScore(sink);
    }

    /** Every ML score of one client, by advertiser; advertisers without a score are absent (score 0). */
    public Map<UUID, Integer> scoresOf(UUID clientId) {
        return repository.scoresOf(clientId);
    }
}
