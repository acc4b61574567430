package io.chanmarket.core.ads.serving;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The earlier policy, kept for comparison ({@code app.ads.policy=weighted}). Each candidate gets
 *
 * <pre>
 * value = 0.50 · ev / N             expected revenue, ev = cost_per_impression + p(click) · cost_per_click
 *       + 0.25 · s                  relevance, s = ML score / the client's best ML score
 *       + 0.15 · pace               1 - min(1, shown today / today's target), target = remaining / days left
 * </pre>
 *
 * The weights are the platform's own weights for revenue, relevance and fulfilling the advertisers' limits. N is the
 * best ev among today's campaigns (at the best click estimate), so the three terms share one range. A campaign ahead of
 * its pace loses the pace term (it is throttled in favour of others), one behind keeps it (boosted); on its last day
 * the target is all that remains.
 *
 * <p>
 * Finding the best few without valuing every campaign: for a client most campaigns belong to advertisers without an ML
 * score for them (s = 0), and for those the value does not depend on the client. A {@link Board} keeps today's
 * campaigns ordered by that client-free value, computed when the board was built. Within a day a campaign's pace only
 * falls (its impressions only grow, its target is fixed), so the built value bounds its value now. A request values the
 * campaigns of the client's scored advertisers exactly, then walks the board, valuing each candidate it meets at its
 * current pace, and stops once its {@value #TOP}th best beats the bound of the next campaign on the board: the result
 * is exactly the best {@value #TOP}, usually after a few dozen campaigns instead of thousands. Boards are rebuilt every
 * {@link #REBUILD_NANOS} so the walks stay short.
 */
@Singleton
@Requires(property = "app.ads.policy", value = "weighted")
class WeightedPolicy implements ServingPolicy {

    static final double REVENUE = 0.50;
    static final double RELEVANCE = 0.25;
    static final double PACE = 0.15;
    static final double STRONG_MATCH = 0.8;
    /** How many of the best candidates are found, in order; the server reaches for the others only when all fail. */
    static final int TOP = 8;
    static final long REBUILD_NANOS = 20_000_000L;

    private final ClickModel clicks;
    private volatile Board board;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    WeightedPolicy(ClickModel clicks) {
        this.clicks = clicks;
    }

    /**
     * Today's campaigns by their value to a client without a score for their advertiser, best first, as of
     * {@code builtAt}: {@code bound[k]} is the value of campaign {@code order[k]} then, with p(click) of an unscored
     * client {@code unscored} and revenue scale {@code norm}.
     */
    record Board(List<Slot> slots, int day, long builtAt, int[] order, double[] bound, double unscored, double norm,
            double maxCostPerClick, int[][] byAdvertiser) {
    }

    @Override
    public List<Slot> best(Candidates candidates, int today) {
        Board b = board(candidates.slots(), today);
        List<Slot> all = b.slots();
        double unscored = clicks.pClick(0);
        // p(click) of unscored clients may have grown since the board was built: widen the bounds by as much
        double slack = REVENUE * Math.max(0, unscored - b.unscored()) * b.maxCostPerClick() / b.norm();
        Top top = new Top(Math.min(TOP, all.size()));
        int[] scored = candidates.scoredAdvertisers();
        if (scored == null) { // slots outside a snapshot: find the scored ones by looking
            for (int i = 0; i < all.size(); i++) {
                Slot slot = all.get(i);
                double s = candidates.normalisedScore(slot);
                if (s > 0 && candidates.admits(i, slot)) {
                    top.offer(i, value(slot, s, b.norm(), unscored, today));
                }
            }
        } else {
            for (int advertiser : scored) {
                if (advertiser < b.byAdvertiser().length) {
                    for (int i : b.byAdvertiser()[advertiser]) {
                        Slot slot = all.get(i);
                        if (candidates.admits(i, slot)) {
                            top.offer(i, value(slot, candidates.normalisedScore(slot), b.norm(), unscored, today));
                        }
                    }
                }
            }
        }
        for (int k = 0; k < b.order().length; k++) {
            if (top.full() && top.lowest() >= b.bound()[k] + slack) {
                break;
            }
            int i = b.order()[k];
            Slot slot = all.get(i);
            if (candidates.normalisedScore(slot) == 0 && candidates.admits(i, slot)) {
                top.offer(i, value(slot, 0, b.norm(), unscored, today));
            }
        }
        List<Slot> ranked = new ArrayList<>(top.size());
        for (int j = 0; j < top.size(); j++) {
            ranked.add(all.get(top.position(j)));
        }
        return ranked;
    }

    /** The value of {@code slot} for a client whose normalised score for its advertiser is {@code s}. */
    private double value(Slot slot, double s, double norm, double unscored, int today) {
        double ev = slot.costPerImpression + (s == 0 ? unscored : clicks.pClick(s)) * slot.costPerClick;
        return REVENUE * ev / norm + RELEVANCE * s + PACE * pace(slot, today);
    }

    private static double pace(Slot slot, int today) {
        double target = slot.targetToday(today);
        return target <= 0 ? 0 : 1 - Math.min(1, slot.shownToday() / target);
    }

    /** The board for these slots and day, rebuilt by one request at a time when it is older than the rebuild period. */
    private Board board(List<Slot> slots, int today) {
        Board b = board;
        boolean same = b != null && b.slots() == slots && b.day() == today;
        if (same && (System.nanoTime() - b.builtAt() < REBUILD_NANOS || !rebuilding.compareAndSet(false, true))) {
            return b; // an older board is still exact, only slower to walk
        }
        try {
            b = build(slots, today, same ? b.byAdvertiser() : null);
            board = b;
            return b;
        } finally {
            if (same) {
                rebuilding.set(false);
            }
        }
    }

    /**
     * A board of {@code slots}; {@code byAdvertiser} from an earlier board of the same slots, or null to index them.
     */
    private Board build(List<Slot> slots, int today, int[][] byAdvertiser) {
        int n = slots.size();
        double unscored = clicks.pClick(0);
        double best = clicks.pClick(1);
        double norm = 0;
        double maxCpc = 0;
        for (Slot slot : slots) {
            norm = Math.max(norm, slot.costPerImpression + Math.max(best, unscored) * slot.costPerClick);
            maxCpc = Math.max(maxCpc, slot.costPerClick);
        }
        if (norm <= 0) {
            norm = 1;
        }
        double[] value = new double[n];
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) {
            Slot slot = slots.get(i);
            value[i] = REVENUE * (slot.costPerImpression + unscored * slot.costPerClick) / norm
                    + PACE * pace(slot, today);
            byValue[i] = i;
        }
        Arrays.sort(byValue, (x, y) -> Double.compare(value[y], value[x]));
        int[] order = new int[n];
        double[] bound = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = byValue[k];
            bound[k] = value[byValue[k]];
        }
        return new Board(slots, today, System.nanoTime(), order, bound, unscored, norm, maxCpc,
                byAdvertiser != null ? byAdvertiser : Top.byAdvertiser(slots));
    }

    /** Throttling: a campaign that met today's target, before its last day, waits for a strong match. */
    @Override
    public boolean holdsBack(Candidates candidates, Slot slot, int today) {
        return slot.endDate > today && slot.shownToday() >= Math.ceil(slot.targetToday(today))
                && candidates.normalisedScore(slot) < STRONG_MATCH;
    }
}
