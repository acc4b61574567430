package io.chanmarket.core.ads.serving;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One request's view of today's campaigns for one client. A campaign is a candidate when its targeting fits the client,
 * it is still open and the client has not been counted for it. Built once per request from the client's few ML scores
 * and seen campaigns (a score per advertiser of the snapshot and a bit per campaign), so that the policy's single scan
 * over thousands of campaigns reads arrays instead of looking each campaign up in the client's maps.
 */
final class Candidates {

    final ClientProfile profile;
    private final List<Slot> slots;
    private final double[] scoreByAdvertiser;
    /** A bit per position in {@link #slots}: counted for this client; null outside a snapshot. */
    private final long[] seen;
    /** The snapshot's advertisers this client has a positive score for; null outside a snapshot. */
    private final int[] scored;

    private Candidates(ClientProfile profile, List<Slot> slots, double[] scoreByAdvertiser, long[] seen, int[] scored) {
        this.profile = profile;
        this.slots = slots;
        this.scoreByAdvertiser = scoreByAdvertiser;
        this.seen = seen;
        this.scored = scored;
    }

    /** {@code profile}'s view of {@code snapshot}. */
    static Candidates of(ClientProfile profile, ServingIndex.Snapshot snapshot) {
        List<Slot> all = snapshot.slots();
        long[] seen = new long[(all.size() + 63) >>> 6];
        for (UUID campaignId : profile.seen()) {
            Slot slot = snapshot.byId().get(campaignId);
            if (slot != null && slot.index >= 0) {
                seen[slot.index >>> 6] |= 1L << slot.index;
            }
        }
        double[] scores = new double[snapshot.advertisers().size()];
        int[] scored = new int[Math.min(scores.length, profile.scores().size())];
        int count = 0;
        if (profile.maxScore() > 0) {
            for (Map.Entry<UUID, Integer> score : profile.scores().entrySet()) {
                Integer advertiser = snapshot.advertisers().get(score.getKey());
                if (advertiser != null && score.getValue() > 0) {
                    scores[advertiser] = (double) score.getValue() / profile.maxScore();
                    scored[count++] = advertiser;
                }
            }
        }
        return new Candidates(profile, all, scores, seen, Arrays.copyOf(scored, count));
    }

    /** {@code slots} outside any snapshot (tests, tools): scores and seen campaigns are looked up in the profile. */
    static Candidates of(ClientProfile profile, List<Slot> slots) {
        return new Candidates(profile, slots, new double[0], null, null);
    }

    /**
     * The positions in the snapshot's advertiser table of the advertisers this client has a positive ML score for; null
     * outside a snapshot.
     */
    int[] scoredAdvertisers() {
        return scored;
    }

    /** Every campaign of the view, candidates or not; position i is what {@link #admits} takes. */
    List<Slot> slots() {
        return slots;
    }

    /** Whether the slot at position {@code i} of {@link #slots} is a candidate. */
    boolean admits(int i, Slot slot) {
        return !seen(i, slot) && slot.open() && slot.fits(profile.client());
    }

    private boolean seen(int i, Slot slot) {
        return seen == null ? profile.seen().contains(slot.campaign.campaignId()) : (seen[i >>> 6] & 1L << i) != 0;
    }

    /** The client's ML score for the slot's advertiser scaled to [0, 1] by its best score. */
    double normalisedScore(Slot slot) {
        int advertiser = slot.advertiser;
        return advertiser >= 0 && advertiser < scoreByAdvertiser.length ? scoreByAdvertiser[advertiser]
                : profile.normalisedScore(slot.campaign.advertiserId());
    }

    /**
     * The fitting campaign the client was already counted for (when this view was built) with the best ML score, the
     * first of equals; null when there is none.
     */
    Slot bestSeen() {
        Slot best = null;
        double bestScore = -1;
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (seen(i, slot)) {
                double score = normalisedScore(slot);
                if (score > bestScore && slot.fits(profile.client())) {
                    best = slot;
                    bestScore = score;
                }
            }
        }
        return best;
    }
}
