package io.chanmarket.parsers.fetch;

import java.time.Duration;
import java.time.Instant;

/** Time, waiting and chance for the fetcher; tests replace it with a virtual clock. */
public interface Pacing {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    /** A random number in [0, 1). */
    double random();
}
