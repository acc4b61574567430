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

    /** Sweeps over all campaigns per solve from zero, and from the last solve's prices. */
    static final int SWEEPS = 12;
    static final int WARM_SWEEPS = 4;
    /** Halvings of the click price's interval (to 1/16,384 of it). */
    static final int BISECTIONS = 14;

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
     * The pairs a visitor has taken, sorted by the days their campaigns have left, with what checking one more needs in
     * O(log n): the load (sum of chances) up to each, and the least slack (rate·days − load) from each on.
     */
    static final class Room {
        private double[] days;
        private double[] load;
        private double[] leastSlack;
        private int count;
        private double rate;

        Room(int capacity) {
            days = new double[capacity];
            load = new double[capacity];
            leastSlack = new double[capacity];
        }

        void reset(double visitsPerDay) {
            count = 0;
            rate = visitsPerDay;
        }

        /** Whether no pair ending within {@code lastDay} days can fit any more. */
        boolean full(double lastDay) {
            return count > 0 && load[count - 1] >= rate * lastDay - 1e-9;
        }

        /**
         * Takes {@code pair} when it fits beside the pairs taken: for every window end d at or after its own, the
         * chances of the pairs ending within d stay within rate·d (a chance alone is at most rate·d).
         */
        boolean take(Pair pair) {
            double d = pair.days();
            double q = pair.chance();
            int lo = 0;
            int hi = count;
            while (lo < hi) { // the first taken pair ending after d
                int mid = (lo + hi) >>> 1;
                if (days[mid] <= d) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int at = lo;
            double before = at == 0 ? 0 : load[at - 1];
            if (before + q > rate * d + 1e-9 || at < count && leastSlack[at] < q - 1e-9) {
                return false;
            }
            System.arraycopy(days, at, days, at + 1, count - at);
            System.arraycopy(load, at, load, at + 1, count - at);
            days[at] = d;
            load[at] = before + q;
            count++;
            for (int t = at + 1; t < count; t++) {
                load[t] += q;
            }
            double least = Double.POSITIVE_INFINITY;
            for (int t = count - 1; t >= 0; t--) {
                least = Math.min(least, rate * days[t] - load[t]);
                leastSlack[t] = least;
            }
            return true;
        }
    }

    private DualResolve() {
    }

    /**
     * The prices of {@code units.length} campaigns for {@code visitors}, each standing for {@code weight} visitors,
     * clicks unlimited.
     */
    static double[] solve(List<Visitor> visitors, double[] units, double weight) {
        double[] unlimited = new double[units.length];
        Arrays.fill(unlimited, Double.POSITIVE_INFINITY);
        return solve(visitors, units, unlimited, new double[units.length], weight).lambda();
    }

    /**
     * The prices of {@code units.length} campaigns with {@code units} impressions and {@code clicks} clicks left (a
     * pair is expected to use p(click) of the latter: {@link Pair#click}), for {@code visitors}, each standing for
     * {@code weight} visitors. A campaign whose clicks would run out before its impressions gets a click price κ_k too:
     * its pairs are worth v − λ_k − p·κ_k, which steers it towards visitors who click less, so that it keeps earning
     * its impression price instead of closing on its clicks limit early (clicks past the limit earn nothing).
     *
     * <p>
     * {@code costPerClick} gives where κ_k starts to matter. Below it a click-bound campaign still prefers the visitors
     * who click more, at it every visitor is worth about its impression price alone, above it the campaign seeks the
     * visitors who click least: when even anyone would spend its clicks before its impressions, those earn it the most
     * impressions (a click-bound campaign earns cpi·n + cpc·clicks limit, so n is what counts).
     */
    static Prices solve(List<Visitor> visitors, double[] units, double[] clicks, double[] costPerClick, double weight) {
        return solve(visitors, units, clicks, costPerClick, weight, null, SWEEPS);
    }

    /**
     * As above, starting from {@code start} (the prices of the last solve, when the campaigns are the same) for
     * {@code sweeps} sweeps: re-solving every fiftieth of a day moves the prices little, so a few sweeps from where
     * they were replace the full count from zero.
     */
    static Prices solve(List<Visitor> visitors, double[] units, double[] clicks, double[] costPerClick, double weight,
            Prices start, int sweeps) {
        int n = units.length;
        boolean warm = start != null && start.lambda().length == n;
        double[] lambda = warm ? start.lambda().clone() : new double[n];
        double[] mu = warm ? start.click().clone() : new double[n];
        int[] count = new int[n];
        for (Visitor visitor : visitors) {
            for (Pair pair : visitor.pairs()) {
                count[pair.slot()]++;
            }
        }
        double[][] crit = new double[n][];
        double[][] chance = new double[n][];
        double[][] click = new double[n][];
        int widest = 1;
        for (int k = 0; k < n; k++) {
            crit[k] = new double[count[k]];
            chance[k] = new double[count[k]];
            click[k] = new double[count[k]];
            widest = Math.max(widest, count[k]);
        }
        double[] scratch = new double[widest];
        int[] workOrder = new int[widest];
        double[] workKeys = new double[widest];
        int[] filled = new int[n];
        int most = 1;
        for (Visitor visitor : visitors) {
            most = Math.max(most, visitor.pairs().length);
        }
        double[] margin = new double[most];
        int[] order = new int[most];
        Room room = new Room(most);
        boolean[] in = new boolean[most];
        for (int sweep = 0; sweep < sweeps; sweep++) {
            Arrays.fill(filled, 0);
            for (Visitor visitor : visitors) {
                Pair[] pairs = visitor.pairs();
                int m = pairs.length;
                int heapSize = 0;
                double lastDay = 0;
                for (int j = 0; j < m; j++) {
                    int k = pairs[j].slot();
                    margin[j] = pairs[j].value() - lambda[k] - pairs[j].click() * mu[k];
                    in[j] = false;
                    lastDay = Math.max(lastDay, pairs[j].days());
                    if (margin[j] > 0) {
                        order[heapSize++] = j;
                    }
                }
                // the visitor's pairs with a positive margin, best first (a heap: most visitors fill their room long
                // before their pairs run out), each taken when it still fits the room: at most rate·d ads among the
                // pairs whose campaigns end within d days, for every d (one ad a visit)
                for (int i = heapSize / 2 - 1; i >= 0; i--) {
                    siftDown(order, heapSize, i, margin);
                }
                double lastIn = -1;
                double firstOut = -1;
                room.reset(visitor.rate());
                while (heapSize > 0) {
                    if (room.full(lastDay)) {
                        firstOut = firstOut < 0 ? margin[order[0]] : firstOut;
                        break;
                    }
                    int j = order[0];
                    order[0] = order[--heapSize];
                    siftDown(order, heapSize, 0, margin);
                    if (room.take(pairs[j])) {
                        lastIn = margin[j];
                        in[j] = true;
                    } else if (firstOut < 0) {
                        firstOut = margin[j];
                    }
                }
                double ifIn = Math.max(0, firstOut);
                double ifOut = Math.max(0, lastIn);
                for (int j = 0; j < m; j++) {
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
                double price = price(crit[k], chance[k], filled[k], u, workOrder, workKeys);
                double clickPrice = 0;
                if (c < u && clicksUsed(crit[k], chance[k], click[k], filled[k], 0, price) > c) {
                    // the clicks bind first: the lowest κ at which the visitors bought at λ(κ) click within them
                    double hi = costPerClick[k];
                    for (int i = 0; i < filled[k]; i++) {
                        hi = click[k][i] > 0 ? Math.max(hi, crit[k][i] / click[k][i]) : hi;
                    }
                    double lo = 0;
                    for (int step = 0; step < BISECTIONS; step++) {
                        double m = (lo + hi) / 2;
                        for (int i = 0; i < filled[k]; i++) {
                            scratch[i] = crit[k][i] - click[k][i] * m;
                        }
                        double at = price(scratch, chance[k], filled[k], u, workOrder, workKeys);
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
                    price = price(scratch, chance[k], filled[k], u, workOrder, workKeys);
                }
                boolean fresh = sweep == 0 && !warm;
                lambda[k] = fresh ? price : 0.5 * (lambda[k] + price);
                mu[k] = fresh ? clickPrice : 0.5 * (mu[k] + clickPrice);
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

    /** Restores the max-heap of {@code heap[0..size)} (positions, by {@code key}) below {@code i}. */
    private static void siftDown(int[] heap, int size, int i, double[] key) {
        int item = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && key[heap[child + 1]] > key[heap[child]]) {
                child++;
            }
            if (key[heap[child]] <= key[item]) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
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
     * when the pair before has the same crit, so that equals are served alike); {@code order} and {@code keys} are work
     * arrays of at least {@code size}.
     */
    static double price(double[] crit, double[] chance, int size, double units, int[] order, double[] keys) {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += crit[i] > 0 ? chance[i] : 0;
        }
        if (total <= units) {
            return 0;
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        System.arraycopy(crit, 0, keys, 0, size);
        sortDescending(keys, order, 0, size - 1);
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
