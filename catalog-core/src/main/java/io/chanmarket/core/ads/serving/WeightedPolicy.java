package io.chanmarket.core.ads.serving;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final ClickModel clicks;

    WeightedPolicy(ClickModel clicks) {
        this.clicks = clicks;
    }

    @Override
    public List<Slot> rank(ClientProfile profile, List<Slot> candidates, int today) {
        List<Slot> ranked = new ArrayList<>(candidates);
        if (ranked.size() <= 1) {
            return ranked;
        }
        Map<Slot, Double> ev = new HashMap<>();
        double maxEv = 0;
        for (Slot slot : ranked) {
            double s = profile.normalisedScore(slot.campaign.advertiserId());
            double value = slot.campaign.costPerImpression() + clicks.pClick(s) * slot.campaign.costPerClick();
            ev.put(slot, value);
            maxEv = Math.max(maxEv, value);
        }
        Map<Slot, Double> value = new HashMap<>();
        for (Slot slot : ranked) {
            double revenue = maxEv > 0 ? ev.get(slot) / maxEv : 0;
            double relevance = profile.normalisedScore(slot.campaign.advertiserId());
            double target = slot.targetToday(today);
            double pace = target <= 0 ? 0 : 1 - Math.min(1, slot.shownToday() / target);
            value.put(slot, REVENUE * revenue + RELEVANCE * relevance + PACE * pace);
        }
        ranked.sort(Comparator.comparingDouble((Slot slot) -> value.get(slot)).reversed());
        return ranked;
    }

    /** Throttling: a campaign that met today's target, before its last day, waits for a strong match. */
    @Override
    public boolean holdsBack(ClientProfile profile, Slot slot, int today) {
        return slot.campaign.endDate() > today && slot.shownToday() >= Math.ceil(slot.targetToday(today))
                && profile.normalisedScore(slot.campaign.advertiserId()) < STRONG_MATCH;
    }
}
