package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.Jdbc;
import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.clock.AdClock;
import io.chanmarket.core.platform.shared.Counters;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Serving and clicks: {@code GET /ads} and {@code POST /ads/{adId}/click}.
 *
 * <p>
 * Serving a client: take today's campaigns from the in-memory {@link ServingIndex}, keep those whose targeting fits the
 * client, that are still open (impressions and clicks below their limits) and that the client has not been counted for;
 * let the {@link ServingPolicy} rank them; then for the best one, in this order: claim the pair in the client's profile
 * (this node) and in the {@link ImpressionGuard} (all nodes), take one unit of the campaign's shared impressions
 * counter with {@link Counters#addIfAtMost} (so the limit is never passed, whatever the number of nodes), and store the
 * impression through the group-committing {@link ImpressionWriter}, waiting until it is durable. If any step says no,
 * the steps before it are undone and the next candidate is tried. When the client has been counted for every fitting
 * campaign, the most relevant of those is shown again, without counting anything; when nothing fits at all, there is no
 * ad (404).
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

    AdServer(ServingIndex index, ClientProfiles profiles, ServingPolicy policy, ImpressionGuard guard,
            ImpressionWriter writer, Counters counters, ClickModel clickModel, Campaigns campaigns, AdClock clock,
            ServingRepository repository) {
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

    /** The ad to show {@code clientId} now, its impression stored; {@link AdsException.NotFound} when none fits. */
    public Ad serve(String clientId) {
        UUID client = Validation.uuid(clientId, "client_id");
        ClientProfile profile = profiles.get(client);
        ServingIndex.Snapshot snapshot = index.current();
        List<Slot> fitting = new ArrayList<>();
        List<Slot> candidates = new ArrayList<>();
        for (Slot slot : snapshot.slots()) {
            if (slot.campaign.targeting().matches(profile.client())) {
                fitting.add(slot);
                if (slot.open() && !profile.seen().contains(slot.campaign.campaignId())) {
                    candidates.add(slot);
                }
            }
        }
        int day = snapshot.day();
        List<Slot> ranked = policy.rank(profile, candidates, day);
        List<Slot> heldBack = new ArrayList<>();
        for (Slot slot : ranked) {
            if (policy.holdsBack(profile, slot, day)) {
                heldBack.add(slot);
            } else if (count(profile, slot, day)) {
                return ad(slot.campaign);
            }
        }
        // Shown again, counted no more: the most relevant fitting ad the client was already counted for.
        Optional<Slot> again = fitting.stream().filter(slot -> profile.seen().contains(slot.campaign.campaignId()))
                .max(Comparator.comparingInt(slot -> profile.score(slot.campaign.advertiserId())));
        if (again.isPresent()) {
            return ad(again.get().campaign);
        }
        for (Slot slot : heldBack) {
            if (count(profile, slot, day)) {
                return ad(slot.campaign);
            }
        }
        throw new AdsException.NotFound("no ad fits client " + client + " today");
    }

    /** Counts one impression of {@code slot} for the client, durably; false when it may not be counted. */
    private boolean count(ClientProfile profile, Slot slot, int day) {
        UUID campaignId = slot.campaign.campaignId();
        UUID clientId = profile.client().clientId();
        if (!profile.seen().add(campaignId)) {
            return false;
        }
        if (!guard.claim(campaignId, clientId)) {
            return false;
        }
        String key = ServingIndex.impressionsKey(campaignId);
        OptionalLong total = counters.addIfAtMost(key, 1, slot.campaign.impressionsLimit());
        if (total.isEmpty()) {
            slot.seenMore(slot.campaign.impressionsLimit());
            guard.release(campaignId, clientId);
            profile.seen().remove(campaignId);
            return false;
        }
        slot.seenMore(total.getAsLong());
        int score = profile.score(slot.campaign.advertiserId());
        boolean stored;
        try {
            stored = writer.write(campaignId, clientId, day, slot.campaign.costPerImpression(), score).get();
        } catch (InterruptedException | ExecutionException | CompletionException e) {
            counters.add(key, -1);
            guard.release(campaignId, clientId);
            profile.seen().remove(campaignId);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new Jdbc.DatabaseFailure(new SQLException("impression not stored", e));
        }
        if (!stored) {
            // Already stored earlier (caches were behind the database): counted then, not now.
            counters.add(key, -1);
            return false;
        }
        clickModel.impression(profile.normalisedScore(slot.campaign.advertiserId()));
        return true;
    }

    private static Ad ad(Campaign campaign) {
        return new Ad(campaign.campaignId(), campaign.adTitle(), campaign.adText(), campaign.advertiserId(),
                campaign.adImageUrl());
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
                slot.clicks.incrementAndGet();
            }
            clickModel.click(profile.normalisedScore(campaign.advertiserId()));
        }
        case ALREADY_RECORDED -> {
        }
        case NO_IMPRESSION -> throw new AdsException.Conflict(
                "client " + clientId + " was not shown ad " + campaignId + ": a click needs an impression first");
        }
    }
}
