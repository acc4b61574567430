package io.chanmarket.core.ads.serving;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The default policy. Each candidate gets
 *
 * <pre>
 * value = 0.50 · ev / max(ev)       expected revenue, ev = cost_per_impression + p(click) · cost_per_click
 *       + 0.25 · s                  relevance, s = ML score / the client's best ML score
 *       + 0.15 · pace               1 - min(1, shown today / today's target), target = remaining / days left
 * </pre>
 *
 * The weights are the platform's own weights for revenue, relevance and fulfilling the advertisers' limits; ev is
 * scaled by the best candidate's so the three terms share one range. A campaign ahead of its pace loses the pace term
 * (it is throttled in favour of others), one behind keeps it (boosted); on its last day the target is all that remains.
 */
@Singleton
@Requires(property = "app.ads.policy", value = "weighted", defaultValue = "weighted")
class WeightedPolicy implements ServingPolicy {

    static final double REVENUE = 0.50;
    static final double RELEVANCE = 0.25;
    static final double PACE = 0.15;
    static final double STRONG_MATCH = 0.8;
    /** How many of the best candidates are put in exact order; the rest follow in no particular order. */
    static final int TOP = 8;

    private final ClickModel clicks;

    WeightedPolicy(ClickModel clicks) {
        this.clicks = clicks;
    }

    @Override
    public List<Slot> rank(ClientProfile profile, List<Slot> candidates, int today) {
        int n = candidates.size();
        if (n <= 1) {
            return new ArrayList<>(candidates);
        }
        double[] ev = new double[n];
        double[] relevance = new double[n];
        double maxEv = 0;
        for (int i = 0; i < n; i++) {
            Slot slot = candidates.get(i);
            double s = profile.normalisedScore(slot.campaign.advertiserId());
            relevance[i] = s;
            ev[i] = slot.campaign.costPerImpression() + clicks.pClick(s) * slot.campaign.costPerClick();
            maxEv = Math.max(maxEv, ev[i]);
        }
        double[] value = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            Slot slot = candidates.get(i);
            double target = slot.targetToday(today);
            double pace = target <= 0 ? 0 : 1 - Math.min(1, slot.shownToday() / target);
            value[i] = REVENUE * (maxEv > 0 ? ev[i] / maxEv : 0) + RELEVANCE * relevance[i] + PACE * pace;
            order[i] = i;
        }
        // Only the first few are ever tried in practice (the first claim almost always succeeds): select the best
        // TOP in order and leave the rest behind them as they came (a partial selection sort, no boxing).
        int top = Math.min(TOP, n);
        for (int j = 0; j < top; j++) {
            int best = j;
            for (int i = j + 1; i < n; i++) {
                if (value[order[i]] > value[order[best]]) {
                    best = i;
                }
            }
            int swap = order[j];
            order[j] = order[best];
            order[best] = swap;
        }
        List<Slot> ranked = new ArrayList<>(n);
        for (int i : order) {
            ranked.add(candidates.get(i));
        }
        return ranked;
    }

    /** Throttling: a campaign that met today's target, before its last day, waits for a strong match. */
    @Override
    public boolean holdsBack(ClientProfile profile, Slot slot, int today) {
        return slot.campaign.endDate() > today && slot.shownToday() >= Math.ceil(slot.targetToday(today))
                && profile.normalisedScore(slot.campaign.advertiserId()) < STRONG_MATCH;
    }
}
