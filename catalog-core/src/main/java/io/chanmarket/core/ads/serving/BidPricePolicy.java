package io.chanmarket.core.ads.serving;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The default policy ({@code app.ads.policy=bid-price}): online allocation under the campaigns' capacities with shadow
 * prices. For a visit, each new pair (a fitting, open campaign the client was not counted for) is worth
 *
 * <pre>
 * value = cost_per_impression + p(click | s) · cost_per_click     expected revenue of the first impression
 *       + μ · s · N                                             relevance: s = ML score / the client's best
 *       − λ_k                                                   the shadow price of one unit of k's limit
 *       − p(click | s) · κ_k                                    and of the clicks it uses, when k's clicks
 *                                                               limit would close it before its impressions
 * </pre>
 *
 * and the server counts the pair with the largest positive value. When no new pair has a positive value, the unit is
 * worth more to a later visitor than to this one: the server shows again the most relevant ad the client was already
 * counted for (it earns nothing and costs no unit), and answers 404 when there is none ({@link #servesHeldBack()}
 * false). λ comes from {@link ShadowPrices} (0 when traffic is scarce, rising when it is plentiful); p(click) from the
 * monotone {@link ClickModel}. N is the best expected revenue among today's campaigns, so μ (default
 * {@code app.ads.bid-price.relevance} = 0.1) is the share of a top campaign's revenue that a perfectly relevant match
 * adds: enough to break near-ties towards the client's favourite advertisers (relevance is graded at half the weight of
 * revenue), too little to give away a campaign that earns clearly more.
 *
 * <p>
 * Finding the best few without valuing every campaign is done as in {@link WeightedPolicy}: for a client without a
 * score for a campaign's advertiser the value does not depend on the client, so a board keeps today's campaigns ordered
 * by that value, rebuilt when the prices move (every {@code app.ads.bid-price.period-ms}) or after 20 ms; a request
 * values its scored advertisers' campaigns exactly, then walks the board until its {@value #TOP}th best beats the next
 * bound, and stops at the first bound that is not positive (such campaigns would be held back anyway).
 */
@Singleton
@Requires(property = "app.ads.policy", value = "bid-price", defaultValue = "bid-price")
class BidPricePolicy implements ServingPolicy {

    static final int TOP = 8;
    static final long REBUILD_NANOS = 20_000_000L;

    private final ClickModel clicks;
    private final ShadowPrices prices;
    private final double relevance;
    private final boolean servesHeldBack;
    private volatile Board board;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    BidPricePolicy(ClickModel clicks, ShadowPrices prices,
            @Value("${app.ads.bid-price.relevance:0.1}") double relevance,
            @Value("${app.ads.bid-price.serve-held-back:false}") boolean servesHeldBack) {
        this.servesHeldBack = servesHeldBack;
        this.clicks = clicks;
        this.prices = prices;
        this.relevance = relevance;
    }

    /**
     * Today's campaigns by their value to an unscored client, best first, as of {@code builtAt} and prices
     * {@code version}; {@code norm} is N above.
     */
    record Board(List<Slot> slots, int day, long version, long builtAt, int[] order, double[] bound, double unscored,
            double norm, double maxCostPerClick, int[][] byAdvertiser) {
    }

    @Override
    public List<Slot> best(Candidates candidates, int today) {
        Board b = board(candidates.slots(), today);
        List<Slot> all = b.slots();
        double unscored = clicks.pClick(0);
        double slack = Math.max(0, unscored - b.unscored()) * b.maxCostPerClick();
        Top top = new Top(Math.min(TOP, all.size()));
        int[] scored = candidates.scoredAdvertisers();
        if (scored == null) {
            for (int i = 0; i < all.size(); i++) {
                Slot slot = all.get(i);
                double s = candidates.normalisedScore(slot);
                if (s > 0 && candidates.admits(i, slot)) {
                    offer(top, i, value(slot, s, b.norm(), unscored));
                }
            }
        } else {
            for (int advertiser : scored) {
                if (advertiser < b.byAdvertiser().length) {
                    for (int i : b.byAdvertiser()[advertiser]) {
                        Slot slot = all.get(i);
                        if (candidates.admits(i, slot)) {
                            offer(top, i, value(slot, candidates.normalisedScore(slot), b.norm(), unscored));
                        }
                    }
                }
            }
        }
        for (int k = 0; k < b.order().length; k++) {
            double bound = b.bound()[k] + slack;
            if (bound <= 0 || top.full() && top.lowest() >= bound) {
                break;
            }
            int i = b.order()[k];
            Slot slot = all.get(i);
            if (candidates.normalisedScore(slot) == 0 && candidates.admits(i, slot)) {
                offer(top, i, value(slot, 0, b.norm(), unscored));
            }
        }
        List<Slot> ranked = new ArrayList<>(top.size());
        for (int j = 0; j < top.size(); j++) {
            ranked.add(all.get(top.position(j)));
        }
        return ranked;
    }

    private static void offer(Top top, int position, double value) {
        if (value > 0) {
            top.offer(position, value);
        }
    }

    /** The value of a new pair of {@code slot} for a client whose normalised score for its advertiser is {@code s}. */
    double value(Slot slot, double s, double norm, double unscored) {
        double p = s == 0 ? unscored : clicks.pClick(s);
        return worth(slot, s, p, relevance, norm) - slot.price.lambda - p * slot.price.click;
    }

    /** What a new pair earns, relevance included, before its shadow price: p is p(click | s). */
    static double worth(Slot slot, double s, double p, double relevance, double norm) {
        return slot.costPerImpression + p * slot.costPerClick + relevance * s * norm;
    }

    /** N: the best expected revenue of a new pair among {@code slots} (1 when none earns anything). */
    static double norm(List<Slot> slots, ClickModel clicks) {
        double best = Math.max(clicks.pClick(1), clicks.pClick(0));
        double norm = 0;
        for (Slot slot : slots) {
            norm = Math.max(norm, slot.costPerImpression + best * slot.costPerClick);
        }
        return norm <= 0 ? 1 : norm;
    }

    /** A new pair that is not worth its unit now (value ≤ 0) waits: a repeat, or nothing, is shown instead. */
    @Override
    public boolean holdsBack(Candidates candidates, Slot slot, int today) {
        Board b = board;
        double norm = b == null || b.slots() != candidates.slots() ? norm(candidates.slots(), clicks) : b.norm();
        return value(slot, candidates.normalisedScore(slot), norm, clicks.pClick(0)) <= 0;
    }

    @Override
    public boolean servesHeldBack() {
        return servesHeldBack;
    }

    private Board board(List<Slot> slots, int today) {
        Board b = board;
        long version = prices.version();
        boolean same = b != null && b.slots() == slots && b.day() == today;
        if (same && b.version() == version
                && (System.nanoTime() - b.builtAt() < REBUILD_NANOS || !rebuilding.compareAndSet(false, true))) {
            return b;
        }
        if (same && b.version() != version && !rebuilding.compareAndSet(false, true)) {
            return b; // another request is rebuilding; this one walks the previous prices' order
        }
        try {
            b = build(slots, today, version, same ? b.byAdvertiser() : null);
            board = b;
            return b;
        } finally {
            if (same) {
                rebuilding.set(false);
            }
        }
    }

    private Board build(List<Slot> slots, int today, long version, int[][] byAdvertiser) {
        int n = slots.size();
        double unscored = clicks.pClick(0);
        double norm = norm(slots, clicks);
        double maxCpc = 0;
        for (Slot slot : slots) {
            maxCpc = Math.max(maxCpc, slot.costPerClick);
        }
        double[] value = new double[n];
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) {
            value[i] = value(slots.get(i), 0, norm, unscored);
            byValue[i] = i;
        }
        Arrays.sort(byValue, (x, y) -> Double.compare(value[y], value[x]));
        int[] order = new int[n];
        double[] bound = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = byValue[k];
            bound[k] = value[byValue[k]];
        }
        return new Board(slots, today, version, System.nanoTime(), order, bound, unscored, norm, maxCpc,
                byAdvertiser != null ? byAdvertiser : Top.byAdvertiser(slots));
    }
}
