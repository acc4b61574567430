package io.chanmarket.core.ads.serving;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A floor for comparisons ({@code app.ads.policy=random}): any fitting ad, chosen uniformly at random. It obeys the
 * same rules (targeting, dates, limits, unique impressions) and ignores prices, scores and pacing.
 */
@Singleton
@Requires(property = "app.ads.policy", value = "random")
class RandomPolicy implements ServingPolicy {

    @Override
    public List<Slot> best(Candidates candidates, int today) {
        List<Slot> all = candidates.slots();
        List<Slot> admitted = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (candidates.admits(i, all.get(i))) {
                admitted.add(all.get(i));
            }
        }
        Collections.shuffle(admitted, ThreadLocalRandom.current());
        return admitted;
    }
}
