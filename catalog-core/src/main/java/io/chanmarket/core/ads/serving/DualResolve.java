package io.chanmarket.core.ads.serving;

import java.util.Arrays;
import java.util.List;

/**
 * The campaigns' shadow prices re-solved from a sample of the visitors, instead of stepped one visit batch at a time.
 *
 * <p>
 * The remaining problem, as a fluid LP over the visitors still to come: each sampled visitor c stands for {@code w}
 * similar ones; c can still be shown campaign k (a new pair) with probability q_ck (it visits while k runs) and earns
 * v_ck = cost_per_impression + p(click)·cost_per_click then; c visits r_c times a day and sees one ad a visit, so among
 * its pairs whose campaigns end within d days it can take at most r_c·d, for every d; campaign k has {@code units_k}
 * impressions left. The dual gives each campaign a price λ_k ≥ 0 and each visitor takes its pairs in the order of v_ck
 * − λ_k while that margin is positive and it has room. The prices are found by best responses, campaign by campaign:
 *
 * <pre>
 * for each pair (c, k): crit_ck = v_ck − θ_c(k)    the highest price at which c would still take k
 *   θ_c(k) = the margin of c's marginal other pair (the first pair that does not fit c's room if k is in, the last
 *            that fits if k is out), 0 when c has room for every positive pair
 * λ_k = the largest crit at which the demand w·Σ q_ck·[crit_ck > λ_k] reaches units_k; 0 when it never does
 * </pre>
 *
 * repeated over a few sweeps with damping (half the old price, half the new), since one campaign's price moves the
 * others' demand through the visitors' room. A campaign whose fresh audience is smaller than its units gets λ = 0
 * (traffic is scarce for it: serve it greedily); one with plenty gets the value of its units_k-th best visitor, so its
 * units go to the visitors where it earns most. This is the re-solving scheme of Agrawal, Wang & Ye (2014) on a sample
 * of the traffic, with the visitors' own room standing in for the one-ad-per-visit constraint.
 */
final class DualResolve {

    /** Sweeps over all campaigns per solve. */
    static final int SWEEPS = 12;

    /**
     * One new pair a sampled visitor may still be shown: the campaign's position, its value, q, and the days the
     * campaign has left (today's rest as a fraction).
     */
    record Pair(int slot, double value, double chance, double days, double click) {

        Pair(int slot, double value, double chance, double days) {
            this(slot, value, chance, days, 0);
        }
    }

    /** The prices: λ per unit of each campaign's impressions, and κ per unit of its clicks. */
    record Prices(double[] lambda, double[] click) {
    }

    /** A sampled visitor: its new pairs and its visits a day. */
    record Visitor(Pair[] pairs, double rate) {
    }

    /**
     * Whether {@code candidate} fits beside the {@code count} pairs taken already, held sorted by days left in
     * {@code days} and {@code chances}: for every window end d at or after its own, the chances of the pairs ending
     * within d stay within rate·d (a chance alone is at most rate·d). When it fits, it is inserted.
     */
    private static boolean take(Pair candidate, int count, double rate, double[] days, double[] chances) {
        double load = candidate.chance();
        int at = 0;
        while (at < count && days[at] <= candidate.days()) {
            load += chances[at++];
        }
        if (load > rate * candidate.days() + 1e-9) {
            return false;
        }
        for (int t = at; t < count; t++) {
            load += chances[t];
            if (load > rate * days[t] + 1e-9) {
                return false;
            }
        }
        System.arraycopy(days, at, days, at + 1, count - at);
        System.arraycopy(chances, at, chances, at + 1, count - at);
        days[at] = candidate.days();
        chances[at] = candidate.chance();
        return true;
    }

    private DualResolve() {
    }

    /**
     * The prices of {@code units.length} campaigns for {@code visitors}, each standing for {@code weight} visitors.
     */
    static double[] solve(List<Visitor> visitors, double[] units, double weight) {
        double[] unlimited = new double[units.length];
        Arrays.fill(unlimited, Double.POSITIVE_INFINITY);
        return solve(visitors, units, unlimited, weight).lambda();
    }

    /**
     * The prices of {@code units.length} campaigns with {@code units} impressions and {@code clicks} clicks left (a
     * pair is expected to use p(click) of the latter: {@link Pair#click}), for {@code visitors}, each standing for
     * {@code weight} visitors. A campaign whose clicks would run out before its impressions gets a click price κ_k too:
     * its pairs are worth v − λ_k − p·κ_k, which steers it towards visitors who click less, so that it keeps earning
     * its impression price instead of closing on its clicks limit early (clicks past the limit earn nothing).
     */
    static Prices solve(List<Visitor> visitors, double[] units, double[] clicks, double weight) {
        return solve(visitors, units, clicks, new double[units.length], weight);
    }

    /**
     * As above; {@code costPerClick} gives where κ_k starts to matter. Below it a click-bound campaign still prefers
     * the visitors who click more, at it every visitor is worth about its impression price alone, above it the campaign
     * seeks the visitors who click least: when even anyone would spend its clicks before its impressions, those earn it
     * the most impressions (a click-bound campaign earns cpi·n + cpc·clicks limit, so n is what counts).
     */
    static Prices solve(List<Visitor> visitors, double[] units, double[] clicks, double[] costPerClick, double weight) {
        int n = units.length;
        double[] lambda = new double[n];
        double[] mu = new double[n];
        int[] count = new int[n];
        for (Visitor visitor : visitors) {
            for (Pair pair : visitor.pairs()) {
                count[pair.slot()]++;
            }
        }
        double[][] crit = new double[n][];
        double[][] chance = new double[n][];
        double[][] click = new double[n][];
        double[] scratch = new double[1];
        for (int k = 0; k < n; k++) {
            crit[k] = new double[count[k]];
            chance[k] = new double[count[k]];
            click[k] = new double[count[k]];
            scratch = count[k] > scratch.length ? new double[count[k]] : scratch;
        }
        int[] filled = new int[n];
        int most = 1;
        for (Visitor visitor : visitors) {
            most = Math.max(most, visitor.pairs().length);
        }
        double[] margin = new double[most];
        int[] order = new int[most];
        double[] keys = new double[most];
        double[] takenDays = new double[most];
        double[] takenChances = new double[most];
        boolean[] in = new boolean[most];
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            Arrays.fill(filled, 0);
            for (Visitor visitor : visitors) {
                Pair[] pairs = visitor.pairs();
                int m = pairs.length;
                for (int j = 0; j < m; j++) {
                    int k = pairs[j].slot();
                    margin[j] = pairs[j].value() - lambda[k] - pairs[j].click() * mu[k];
                    order[j] = j;
                    in[j] = false;
                }
                double[] mg = margin;
                System.arraycopy(mg, 0, keys, 0, m);
                sortDescending(keys, order, 0, m - 1);
                // the visitor's pairs in margin order, each taken when it still fits the visitor's room: at most
                // rate·d ads among the pairs whose campaigns end within d days, for every d (one ad a visit)
                int lastIn = -1;
                int firstOut = -1;
                int inCount = 0;
                for (int r = 0; r < m; r++) {
                    int j = order[r];
                    if (mg[j] <= 0) {
                        break;
                    }
                    if (take(pairs[j], inCount, visitor.rate(), takenDays, takenChances)) {
                        inCount++;
                        lastIn = r;
                        in[j] = true;
                    } else {
                        if (firstOut < 0) {
                            firstOut = r;
                        }
                    }
                }
                double ifIn = firstOut < 0 ? 0 : Math.max(0, mg[order[firstOut]]);
                double ifOut = lastIn < 0 ? 0 : Math.max(0, mg[order[lastIn]]);
                for (int r = 0; r < m; r++) {
                    int j = order[r];
                    Pair pair = pairs[j];
                    int k = pair.slot();
                    double alternative = in[j] ? ifIn : firstOut >= 0 ? ifOut : 0;
                    crit[k][filled[k]] = pair.value() - alternative;
                    chance[k][filled[k]] = pair.chance();
                    click[k][filled[k]] = pair.click();
                    filled[k]++;
                }
            }
            for (int k = 0; k < n; k++) {
                double u = units[k] / weight;
                double c = clicks[k] / weight;
                double price = price(crit[k], chance[k], filled[k], u);
                double clickPrice = 0;
                if (c < u && clicksUsed(crit[k], chance[k], click[k], filled[k], 0, price) > c) {
                    // the clicks bind first: the lowest κ at which the visitors bought at λ(κ) click within them
                    double hi = costPerClick[k];
                    for (int i = 0; i < filled[k]; i++) {
                        hi = click[k][i] > 0 ? Math.max(hi, crit[k][i] / click[k][i]) : hi;
                    }
                    double lo = 0;
                    for (int step = 0; step < 30; step++) {
                        double m = (lo + hi) / 2;
                        for (int i = 0; i < filled[k]; i++) {
                            scratch[i] = crit[k][i] - click[k][i] * m;
                        }
                        double at = price(scratch, chance[k], filled[k], u);
                        if (clicksUsed(crit[k], chance[k], click[k], filled[k], m, at) > c) {
                            lo = m;
                        } else {
                            hi = m;
                        }
                    }
                    clickPrice = hi;
                    for (int i = 0; i < filled[k]; i++) {
                        scratch[i] = crit[k][i] - click[k][i] * hi;
                    }
                    price = price(scratch, chance[k], filled[k], u);
                }
                lambda[k] = sweep == 0 ? price : 0.5 * (lambda[k] + price);
                mu[k] = sweep == 0 ? clickPrice : 0.5 * (mu[k] + clickPrice);
            }
        }
        return new Prices(lambda, mu);
    }

    /** Sorts {@code keys[lo..hi]} from the highest down, moving {@code payload} along (a quicksort on primitives). */
    static void sortDescending(double[] keys, int[] payload, int lo, int hi) {
        while (hi - lo > 16) {
            double pivot = median(keys[lo], keys[(lo + hi) >>> 1], keys[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] > pivot) {
                    i++;
                }
                while (keys[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(keys, payload, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                sortDescending(keys, payload, lo, j);
                lo = i;
            } else {
                sortDescending(keys, payload, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && keys[j - 1] < keys[j]; j--) {
                swap(keys, payload, j - 1, j);
            }
        }
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] keys, int[] payload, int i, int j) {
        double k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        int p = payload[i];
        payload[i] = payload[j];
        payload[j] = p;
    }

    /** The clicks the pairs that clear prices λ and κ are expected to bring: Σ chance·p over crit − p·κ > λ. */
    private static double clicksUsed(double[] crit, double[] chance, double[] click, int size, double mu,
            double lambda) {
        double used = 0;
        for (int i = 0; i < size; i++) {
            if (crit[i] - click[i] * mu > lambda) {
                used += chance[i] * click[i];
            }
        }
        return used;
    }

    /**
     * The lowest price at which the demand Σ chance·[crit > price] stays within {@code units}: 0 when all of it fits,
     * else the crit of the pair where the demand, taken from the highest crit down, passes {@code units} (just below it
     * when the pair before has the same crit, so that equals are served alike).
     */
    static double price(double[] crit, double[] chance, int size, double units) {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += crit[i] > 0 ? chance[i] : 0;
        }
        if (total <= units) {
            return 0;
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        sortDescending(Arrays.copyOf(crit, size), order, 0, size - 1);
        double demand = 0;
        for (int r = 0; r < size; r++) {
            int i = order[r];
            demand += chance[i];
            if (demand > units) {
                if (crit[i] <= 0) {
                    return 0;
                }
                // equals straddle the boundary (the click model is stepwise): let them all in, the limit stops them
                boolean tie = r > 0 && crit[order[r - 1]] == crit[i];
                return tie ? crit[i] - Math.ulp(crit[i]) * 4 : crit[i];
            }
        }
        return 0;
    }
}
