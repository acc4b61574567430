package io.chanmarket.core.ads.serving;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * p(click) as a function of the client-normalised ML score s ∈ [0, 1], learned online. Scores are split into
 * {@value #BUCKETS} buckets; each bucket's estimate is a Beta-prior mean: (clicks + K·prior(s)) / (impressions + K),
 * with prior(s) = 0.02 + 0.28·s and K = {@value #PRIOR_WEIGHT}. With no data it is the prior (a higher score, more
 * clicks); as impressions and clicks are seen on this node the observed rate takes over.
 */
@Singleton
class ClickModel {

    static final int BUCKETS = 10;
    static final double PRIOR_WEIGHT = 100;

    private final AtomicLongArray impressions = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray clicks = new AtomicLongArray(BUCKETS);

    static int bucket(double normalisedScore) {
        return Math.min(BUCKETS - 1, Math.max(0, (int) (normalisedScore * BUCKETS)));
    }

    static double prior(double normalisedScore) {
        return 0.02 + 0.28 * normalisedScore;
    }

    double pClick(double normalisedScore) {
        int b = bucket(normalisedScore);
        return (clicks.get(b) + PRIOR_WEIGHT * prior(normalisedScore)) / (impressions.get(b) + PRIOR_WEIGHT);
    }

    void impression(double normalisedScore) {
        impressions.incrementAndGet(bucket(normalisedScore));
    }

    void click(double normalisedScore) {
        clicks.incrementAndGet(bucket(normalisedScore));
    }
}
