package io.chanmarket.core.ads.serving;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * p(click) as a monotone function of the client-normalised ML score s ∈ [0, 1], learned online from the clicks this
 * node sees. Scores are split into {@value #BUCKETS} buckets; each bucket's raw estimate is a Beta-prior mean: (clicks
 * + K·prior) / (impressions + K), with prior(s) = 0.02 + 0.28·s at the bucket's centre and K = {@value #PRIOR_WEIGHT}.
 * The estimates are then made non-decreasing in s by isotonic regression (pool adjacent violators, weighted by
 * impressions + K): the ML score is the only signal, and a higher score must never predict fewer clicks, however noisy
 * the few impressions of one bucket are. With no data the estimate is the prior; as impressions and clicks arrive, the
 * observed rates take over. The fit is redone lazily, every {@value #REFIT_EVERY} events.
 */
@Singleton
class ClickModel {

    static final int BUCKETS = 10;
    static final double PRIOR_WEIGHT = 100;
    /**
     * The fit is redone when this many events arrived since the last one (each bucket weighs its prior as 100
     * impressions, so a few events more or less move nothing), not on every call of the serving path.
     */
    static final long REFIT_EVERY = 32;

    private final AtomicLongArray impressions = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray clicks = new AtomicLongArray(BUCKETS);
    private final AtomicLong events = new AtomicLong();
    private volatile long fittedAt = -1;
    private volatile double[] fitted = new double[BUCKETS];

    static int bucket(double normalisedScore) {
        return Math.min(BUCKETS - 1, Math.max(0, (int) (normalisedScore * BUCKETS)));
    }

    static double prior(double normalisedScore) {
        return 0.02 + 0.28 * normalisedScore;
    }

    double pClick(double normalisedScore) {
        long at = fittedAt;
        if (at < 0 || events.get() - at >= REFIT_EVERY) {
            refit();
        }
        return fitted[bucket(normalisedScore)];
    }

    void impression(double normalisedScore) {
        impressions.incrementAndGet(bucket(normalisedScore));
        events.incrementAndGet();
    }

    void click(double normalisedScore) {
        clicks.incrementAndGet(bucket(normalisedScore));
        events.incrementAndGet();
    }

    /** Recomputes the monotone fit from the counts (pool adjacent violators). */
    void refit() {
        long at = events.get();
        double[] value = new double[BUCKETS];
        double[] weight = new double[BUCKETS];
        int[] size = new int[BUCKETS];
        int blocks = 0;
        for (int b = 0; b < BUCKETS; b++) {
            double w = impressions.get(b) + PRIOR_WEIGHT;
            double v = (clicks.get(b) + PRIOR_WEIGHT * prior((b + 0.5) / BUCKETS)) / w;
            value[blocks] = v;
            weight[blocks] = w;
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
                double pooled = weight[blocks - 2] + weight[blocks - 1];
                value[blocks - 2] = (value[blocks - 2] * weight[blocks - 2] + value[blocks - 1] * weight[blocks - 1])
                        / pooled;
                weight[blocks - 2] = pooled;
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[BUCKETS];
        int b = 0;
        for (int k = 0; k < blocks; k++) {
            for (int j = 0; j < size[k]; j++) {
                out[b++] = value[k];
            }
        }
        fitted = out;
        fittedAt = at;
    }
}
