package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.clock.AdClock;
import io.chanmarket.core.platform.db.Jdbc;
import io.chanmarket.core.platform.metrics.AppMetrics;
import io.chanmarket.core.platform.shared.Counters;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Serving and clicks: {@code GET /ads} and {@code POST /ads/{adId}/click}.
 *
 * <p>
 * Serving a client: take today's campaigns from the in-memory {@link ServingIndex}; keep those whose targeting fits the
 * client, that are still open (impressions and clicks below their limits) and that the client has not been counted for;
 * let the {@link ServingPolicy} rank them. Then claim the best one, in this order: in the client's profile (this node),
 * in the {@link ImpressionGuard} (all nodes), and one unit of the campaign's shared impressions counter with
 * {@link Counters#addIfAtMost} (so the limit is never passed, whatever the number of nodes); a "no" at any step undoes
 * the steps before it and moves to the next candidate. The claimed impression is stored through the group-committing
 * {@link ImpressionWriter}, and the ad is returned once it is durable. Candidates the policy holds back (for the
 * default bid-price policy: a new pair worth less than its campaign's shadow price) are skipped at first; then, when
 * the client was already counted for a fitting campaign, the most relevant of those is shown again without counting
 * anything; else, if the policy allows it, a held-back candidate is claimed after all; otherwise 404. Every request is
 * an arrival for the {@link ShadowPrices}, and every counted impression is reported to them.
 *
 * <p>
 * {@link #serveAsync} does all of this without blocking a thread on the commit when the client's profile and today's
 * index are in memory (the usual case), and moves to {@code blocking} when they must be read from the database first.
 */
@Singleton
public class AdServer {

    private final ServingIndex index;
    private final ClientProfiles profiles;
    private final ServingPolicy policy;
    private final ImpressionGuard guard;
    private final ImpressionWriter writer;
    private final Counters counters;
    private final ClickModel clickModel;
    private final Campaigns campaigns;
    private final AdClock clock;
    private final ServingRepository repository;
    private final ShadowPrices prices;
    private final AppMetrics metrics;

    AdServer(ServingIndex index, ClientProfiles profiles, ServingPolicy policy, ImpressionGuard guard,
            ImpressionWriter writer, Counters counters, ClickModel clickModel, Campaigns campaigns, AdClock clock,
            ServingRepository repository, ShadowPrices prices, AppMetrics metrics) {
        this.metrics = metrics;
        this.prices = prices;
        this.index = index;
        this.profiles = profiles;
        this.policy = policy;
        this.guard = guard;
        this.writer = writer;
        this.counters = counters;
        this.clickModel = clickModel;
        this.campaigns = campaigns;
        this.clock = clock;
        this.repository = repository;
    }

    /** One thing to try for a client: count a new impression of {@code slot}, or show it again uncounted. */
    private record Option(Slot slot, boolean counted) {
    }

    /**
     * What may be shown to a client now, produced lazily in the order to try: the ranked candidates the policy does not
     * hold back; then, if there is one, the most relevant fitting ad the client was already counted for (shown again,
     * counted no more); then the held-back candidates. Lazily, because the first option is almost always taken: the
     * policy's hold-back test and the search for an ad to show again run only when the options before them fail.
     */
    private final class Choices {

        private final Candidates candidates;
        private final ServingIndex.Snapshot snapshot;
        /** A claim of this request lost to a parallel request of the same client (its view of seen ads is old). */
        private boolean lost;
        private final int day;
        private final List<Slot> best;
        private List<Slot> heldBack;
        private Set<Slot> tried;
        private int next;
        private int position;
        private int stage;

        Choices(ClientProfile profile, ServingIndex.Snapshot snapshot) {
            prices.arrival(snapshot, profile);
            this.candidates = Candidates.of(profile, snapshot);
            this.snapshot = snapshot;
            this.day = snapshot.day();
            this.best = policy.best(candidates, day);
        }

        /** The next option; null when there is none left. */
        Option next() {
            while (stage < 2) {
                Slot slot = stage == 0 ? nextBest() : nextOther();
                if (slot == null) {
                    stage++;
                    continue;
                }
                if (!policy.holdsBack(candidates, slot, day)) {
                    return new Option(slot, true);
                }
                if (heldBack == null) {
                    heldBack = new ArrayList<>();
                }
                heldBack.add(slot);
            }
            if (stage == 2) {
                stage = 3;
                next = 0;
                // after a lost claim the client was counted meanwhile: look at what it has been shown now
                Slot again = (lost ? Candidates.of(candidates.profile, snapshot) : candidates).bestSeen();
                if (again != null) {
                    return new Option(again, false);
                }
            }
            return heldBack != null && policy.servesHeldBack() && next < heldBack.size()
                    ? new Option(heldBack.get(next++), true) : null;
        }

        /** The last option's claim was lost: the client was counted for it by a parallel request. */
        void lost() {
            lost = true;
        }

        private Slot nextBest() {
            return next < best.size() ? best.get(next++) : null;
        }

        /** The candidates the policy did not put among its best, in snapshot order (rarely reached). */
        private Slot nextOther() {
            if (tried == null) {
                tried = Collections.newSetFromMap(new IdentityHashMap<>());
                tried.addAll(best);
            }
            List<Slot> all = candidates.slots();
            while (position < all.size()) {
                int i = position++;
                Slot slot = all.get(i);
                if (!tried.contains(slot) && candidates.admits(i, slot)) {
                    return slot;
                }
            }
            return null;
        }
    }

    private AdsException.NotFound noAd(UUID client) {
        metrics.adNone();
        return new AdsException.NotFound("no ad fits client " + client + " today");
    }

    /** The ad to show {@code clientId} now, its impression stored; {@link AdsException.NotFound} when none fits. */
    public Ad serve(String clientId) {
        UUID client = Validation.uuid(clientId, "client_id");
        ClientProfile profile = profiles.get(client);
        ServingIndex.Snapshot snapshot = index.current();
        Choices choices = new Choices(profile, snapshot);
        for (Option option = choices.next(); option != null; option = choices.next()) {
            if (!option.counted()) {
                metrics.adRepeat();
                return Ad.of(option.slot().campaign);
            }
            if (claim(profile, option.slot()) && join(store(profile, option.slot(), snapshot.day()))) {
                return Ad.of(option.slot().campaign);
            }
            choices.lost();
        }
        throw noAd(client);
    }

    /**
     * {@link #serve}, completing when the impression is durable, without holding a thread while the commit is under
     * way. The choice and the claim run on the calling thread (the event loop) when everything they need is in this
     * process's memory; they move to {@code blocking} when the client's profile or today's index must be read from the
     * database first, or when claiming takes Redis round trips, so that no event loop waits on I/O.
     */
    public CompletableFuture<Ad> serveAsync(String clientId, Executor blocking) {
        UUID client = Validation.uuid(clientId, "client_id");
        ClientProfile profile = profiles.cached(client);
        if (profile == null || index.stale() || guard.remote()) {
            return CompletableFuture
                    .supplyAsync(() -> serveFrom(client, profiles.get(client), index.current(), blocking), blocking)
                    .thenCompose(ad -> ad);
        }
        return serveFrom(client, profile, index.current(), blocking);
    }

    private CompletableFuture<Ad> serveFrom(UUID client, ClientProfile profile, ServingIndex.Snapshot snapshot,
            Executor blocking) {
        Choices choices = new Choices(profile, snapshot);
        for (Option option = choices.next(); option != null; option = choices.next()) {
            Slot slot = option.slot();
            if (!option.counted()) {
                metrics.adRepeat();
                return CompletableFuture.completedFuture(Ad.of(slot.campaign));
            }
            if (claim(profile, slot)) {
                return store(profile, slot, snapshot.day())
                        .thenCompose(stored -> stored ? CompletableFuture.completedFuture(Ad.of(slot.campaign))
                                : CompletableFuture.supplyAsync(() -> serve(client.toString()), blocking));
            }
            choices.lost();
        }
        return CompletableFuture.failedFuture(noAd(client));
    }

    private static boolean join(CompletableFuture<Boolean> stored) {
        try {
            return stored.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Claims one impression of {@code slot} for the client: its profile, the guard, a unit of the limit. */
    private boolean claim(ClientProfile profile, Slot slot) {
        UUID campaignId = slot.campaign.campaignId();
        UUID clientId = profile.client().clientId();
        if (!profile.seen().add(campaignId)) {
            return false;
        }
        if (!guard.claim(campaignId, clientId)) {
            return false;
        }
        OptionalLong total = counters.addIfAtMost(ServingIndex.impressionsKey(campaignId), 1,
                slot.campaign.impressionsLimit());
        if (total.isEmpty()) {
            slot.seenMore(slot.campaign.impressionsLimit());
            guard.release(campaignId, clientId);
            profile.seen().remove(campaignId);
            return false;
        }
        slot.seenMore(total.getAsLong());
        return true;
    }

    /**
     * Stores a claimed impression; completes with true once it is durable, false when the pair was already stored
     * (caches were behind the database: counted then, not now), or with {@link Jdbc.DatabaseFailure} after undoing the
     * claim.
     */
    private CompletableFuture<Boolean> store(ClientProfile profile, Slot slot, int day) {
        UUID campaignId = slot.campaign.campaignId();
        UUID clientId = profile.client().clientId();
        String key = ServingIndex.impressionsKey(campaignId);
        int score = profile.score(slot.campaign.advertiserId());
        return writer.write(campaignId, clientId, day, slot.campaign.costPerImpression(), score)
                .handle((stored, failure) -> {
                    if (failure != null) {
                        counters.add(key, -1);
                        guard.release(campaignId, clientId);
                        profile.seen().remove(campaignId);
                        throw new Jdbc.DatabaseFailure(new SQLException("impression not stored", failure));
                    }
                    if (!stored) {
                        counters.add(key, -1);
                        return false;
                    }
                    clickModel.impression(profile.normalisedScore(slot.campaign.advertiserId()));
                    prices.served(slot);
                    metrics.adImpression(slot.campaign.costPerImpression());
                    return true;
                });
    }

    /**
     * Records the client's click on the ad (once per pair; repeating it changes nothing), charged at today's cost per
     * click. The client must have been shown the ad: otherwise {@link AdsException.Conflict}.
     */
    public void click(String adId, ClickRequest request) {
        UUID campaignId = Validation.uuid(adId, "ad_id");
        if (request == null) {
            throw new AdsException.Invalid("the body must be a JSON object with client_id");
        }
        UUID clientId = Validation.uuid(request.clientId(), "client_id");
        Campaign campaign = campaigns.get(campaignId);
        ClientProfile profile = profiles.get(clientId);
        switch (repository.insertClick(campaignId, clientId, clock.today(), campaign.costPerClick())) {
        case RECORDED -> {
            Slot slot = index.current().byId().get(campaignId);
            if (slot != null) {
                slot.clicked();
            }
            clickModel.click(profile.normalisedScore(campaign.advertiserId()));
            metrics.adClick(campaign.costPerClick());
        }
        case ALREADY_RECORDED -> {
        }
        case NO_IMPRESSION -> throw new AdsException.Forbidden(
                "client " + clientId + " was not shown ad " + campaignId + ": a click needs an impression first");
        }
    }
}
