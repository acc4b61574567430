package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.clients.Client;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One request's view of today's campaigns for one client: the candidates (targeting fits, still open, not yet counted
 * for this client) and the client's normalised ML score per advertiser of the snapshot. Built once per request from the
 * client's few scores and seen campaigns, so that scanning thousands of campaigns reads arrays instead of looking each
 * one up in the client's maps.
 */
final class Candidates {

    final ClientProfile profile;
    private final Slot[] slots;
    private final double[] scores;
    private final int size;
    private final double[] scoreByAdvertiser;
    private final long[] seen;

    private Candidates(ClientProfile profile, Slot[] slots, double[] scores, int size, double[] scoreByAdvertiser,
            long[] seen) {
        this.profile = profile;
        this.slots = slots;
        this.scores = scores;
        this.size = size;
        this.scoreByAdvertiser = scoreByAdvertiser;
        this.seen = seen;
    }

    /** The candidates of {@code snapshot} for {@code profile}, in snapshot order. */
    static Candidates collect(ClientProfile profile, ServingIndex.Snapshot snapshot) {
        List<Slot> all = snapshot.slots();
        int n = all.size();
        long[] seen = new long[(n + 63) >>> 6];
        for (UUID campaignId : profile.seen()) {
            Slot slot = snapshot.byId().get(campaignId);
            if (slot != null && slot.index >= 0) {
                seen[slot.index >>> 6] |= 1L << slot.index;
            }
        }
        double[] scores = new double[snapshot.advertisers().size()];
        if (profile.maxScore() > 0) {
            for (Map.Entry<UUID, Integer> score : profile.scores().entrySet()) {
                Integer advertiser = snapshot.advertisers().get(score.getKey());
                if (advertiser != null) {
                    scores[advertiser] = (double) score.getValue() / profile.maxScore();
                }
            }
        }
        Client client = profile.client();
        Slot[] candidates = new Slot[n];
        double[] candidateScores = new double[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            Slot slot = all.get(i);
            if ((seen[i >>> 6] & 1L << i) == 0 && slot.open() && slot.fits(client)) {
                candidateScores[size] = scores[slot.advertiser];
                candidates[size++] = slot;
            }
        }
        return new Candidates(profile, candidates, candidateScores, size, scores, seen);
    }

    /** {@code slots} as the candidates, outside any snapshot (tests, tools): scores are looked up in the profile. */
    static Candidates of(ClientProfile profile, List<Slot> slots) {
        double[] scores = new double[slots.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = profile.normalisedScore(slots.get(i).campaign.advertiserId());
        }
        return new Candidates(profile, slots.toArray(new Slot[0]), scores, slots.size(), new double[0], new long[0]);
    }

    int size() {
        return size;
    }

    Slot get(int i) {
        return slots[i];
    }

    /** {@link #normalisedScore} of candidate {@code i}. */
    double score(int i) {
        return scores[i];
    }

    /** The client's ML score for the slot's advertiser scaled to [0, 1] by its best score. */
    double normalisedScore(Slot slot) {
        int advertiser = slot.advertiser;
        return advertiser >= 0 && advertiser < scoreByAdvertiser.length ? scoreByAdvertiser[advertiser]
                : profile.normalisedScore(slot.campaign.advertiserId());
    }

    /**
     * The fitting campaign of {@code snapshot} the client was already counted for (when this view was built) with the
     * best ML score, the first of equals; null when there is none.
     */
    Slot bestSeen(ServingIndex.Snapshot snapshot) {
        Slot best = null;
        double bestScore = -1;
        List<Slot> all = snapshot.slots();
        for (int i = 0; i < all.size() && i < seen.length * 64; i++) {
            if ((seen[i >>> 6] & 1L << i) != 0) {
                Slot slot = all.get(i);
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
