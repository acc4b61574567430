package io.chanmarket.webapp.ads.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The comparison baseline, computed offline on the replay's own visit sequence: AdNova's published rule. For each
 * visit, every campaign running that day whose targeting fits the client and that this client has not been counted for
 * yet is a candidate while it is under its impressions limit, or, past it but under 110%, with probability 25% (the
 * rule's allowed overshoot). The candidate with the highest
 *
 * <pre>
 * score = 0.8 · profit / max profit + 0.4 · ml / max ml + 0.05 · capacity
 *         profit = cost_per_impression + cost_per_click, ml = the client's ML score for the advertiser,
 *         capacity = 1 − shown / limit (not below 0); maxima over the visit's candidates
 * </pre>
 *
 * is shown (ties: the first created). Clicks come from the same hidden truth as the engine's replay
 * ({@link Replay#clicks}), so both face the same clicking (client, campaign) pairs.
 */
final class AdNovaBaseline {

    static final double PROFIT = 0.8;
    static final double ML = 0.4;
    static final double CAPACITY = 0.05;
    static final double OVERSHOOT = 1.10;
    static final double OVERSHOOT_PROBABILITY = 0.25;

    private final List<Replay.CampaignState> campaigns;
    private final Map<String, Map<String, Integer>> scores;
    private final Replay replay;
    private final SplittableRandom random;
    private final long[] shown;
    private final long[] clicked;
    private final Set<String> counted = new HashSet<>();
    private long impressions;
    private long clicks;
    private double revenueImpressions;
    private double revenueClicks;
    private long scoreSum;
    private double expectedRevenue;
    private long answered;
    private long noAd;

    AdNovaBaseline(List<Replay.CampaignState> campaigns, Map<String, Map<String, Integer>> scores, Replay replay,
            long seed) {
        this.campaigns = campaigns;
        this.scores = scores;
        this.replay = replay;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.shown = new long[campaigns.size()];
        this.clicked = new long[campaigns.size()];
    }

    /** One visit of the sequence: picks by the rule, counts a new unique impression and its click. */
    void visit(Map<String, Object> client, int day) {
        String clientId = (String) client.get("client_id");
        Map<String, Integer> row = scores.getOrDefault(clientId, Map.of());
        double maxProfit = 0;
        int maxMl = 0;
        boolean[] candidate = new boolean[campaigns.size()];
        boolean any = false;
        for (Replay.CampaignState c : campaigns) {
            if (!c.fits(client, day) || counted.contains(clientId + "/" + c.id) || !underLimit(c)) {
                continue;
            }
            candidate[c.index] = true;
            any = true;
            maxProfit = Math.max(maxProfit, profit(c));
            maxMl = Math.max(maxMl, row.getOrDefault(c.advertiserId, 0));
        }
        if (!any) {
            noAd++;
            return;
        }
        Replay.CampaignState best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Replay.CampaignState c : campaigns) {
            if (!candidate[c.index]) {
                continue;
            }
            double capacity = c.limit == 0 ? 0 : Math.max(0, 1 - (double) shown[c.index] / c.limit);
            double score = PROFIT * (maxProfit == 0 ? 0 : profit(c) / maxProfit)
                    + ML * (maxMl == 0 ? 0 : (double) row.getOrDefault(c.advertiserId, 0) / maxMl)
                    + CAPACITY * capacity;
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        answered++;
        counted.add(clientId + "/" + best.id);
        shown[best.index]++;
        impressions++;
        revenueImpressions += best.cpi.doubleValue();
        expectedRevenue += replay.expected(clientId, best);
        scoreSum += row.getOrDefault(best.advertiserId, 0);
        if (replay.clicks(clientId, best)) {
            clicks++;
            clicked[best.index]++;
            revenueClicks += best.cpc.doubleValue();
        }
    }

    private boolean underLimit(Replay.CampaignState c) {
        if (clicked[c.index] >= c.clicksLimit) {
            return false;
        }
        long n = shown[c.index];
        if (n < c.limit) {
            return true;
        }
        return n < Math.floor(c.limit * OVERSHOOT) && random.nextDouble() < OVERSHOOT_PROBABILITY;
    }

    private static double profit(Replay.CampaignState c) {
        return c.cpi.doubleValue() + c.cpc.doubleValue();
    }

    Replay.Outcome outcome() {
        long[] perCampaign = shown.clone();
        return Replay.Outcome.of(answered, noAd, impressions, clicks, revenueImpressions, revenueClicks,
                impressions == 0 ? 0 : (double) scoreSum / impressions, campaigns, i -> perCampaign[i], expectedRevenue,
                answered == 0 ? 0 : (double) scoreSum / answered);
    }
}
