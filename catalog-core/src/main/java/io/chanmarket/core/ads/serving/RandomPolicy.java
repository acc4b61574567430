package io.chanmarket.core.ads.serving;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A floor for comparisons ({@code app.ads.policy=random}): any fitting ad, chosen uniformly at random. It obeys the
 * same rules (targeting, dates, limits, unique impressions) and ignores prices, scores and pacing.
 */
@Singleton
@Requires(property = "app.ads.policy", value = "random")
class RandomPolicy implements ServingPolicy {

    @Override
    public int[] rank(Candidates candidates, int today) {
        int[] order = new int[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
