package io.chanmarket.parsers.fetch;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** The wall clock and {@link Thread#sleep}. */
@Singleton
@Secondary
class SystemPacing implements Pacing {

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }

    @Override
    public double random() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
