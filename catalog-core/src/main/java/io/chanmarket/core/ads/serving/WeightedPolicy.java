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

    /**
     * One pass over the campaigns: each candidate's expected revenue and the rest of its value go to primitive arrays
     * (the revenue term needs the best candidate's first), then the best {@value #TOP} are kept in order.
     */
    @Override
    public List<Slot> best(Candidates candidates, int today) {
        List<Slot> all = candidates.slots();
        int n = all.size();
        double unscored = clicks.pClick(0); // most candidates: advertisers without a score for this client
        int[] position = new int[n];
        double[] ev = new double[n];
        double[] rest = new double[n];
        int m = 0;
        double maxEv = 0;
        for (int i = 0; i < n; i++) {
            Slot slot = all.get(i);
            if (!candidates.admits(i, slot)) {
                continue;
            }
            double s = candidates.normalisedScore(slot);
            double e = slot.costPerImpression + (s == 0 ? unscored : clicks.pClick(s)) * slot.costPerClick;
            double target = slot.targetToday(today);
            double pace = target <= 0 ? 0 : 1 - Math.min(1, slot.shownToday() / target);
            position[m] = i;
            ev[m] = e;
            rest[m] = RELEVANCE * s + PACE * pace;
            maxEv = Math.max(maxEv, e);
            m++;
        }
        int top = Math.min(TOP, m);
        int[] best = new int[top];
        double[] bestValue = new double[top];
        int kept = 0;
        for (int j = 0; j < m; j++) {
            double value = REVENUE * (maxEv > 0 ? ev[j] / maxEv : 0) + rest[j];
            if (kept < top || value > bestValue[kept - 1]) {
                int at = kept < top ? kept++ : kept - 1;
                while (at > 0 && bestValue[at - 1] < value) {
                    best[at] = best[at - 1];
                    bestValue[at] = bestValue[at - 1];
                    at--;
                }
                best[at] = position[j];
                bestValue[at] = value;
            }
        }
        List<Slot> ranked = new ArrayList<>(kept);
        for (int j = 0; j < kept; j++) {
            ranked.add(all.get(best[j]));
        }
        return ranked;
    }

    /** Throttling: a campaign that met today's target, before its last day, waits for a strong match. */
    @Override
    public boolean holdsBack(Candidates candidates, Slot slot, int today) {
        return slot.endDate > today && slot.shownToday() >= Math.ceil(slot.targetToday(today))
                && candidates.normalisedScore(slot) < STRONG_MATCH;
    }
}
