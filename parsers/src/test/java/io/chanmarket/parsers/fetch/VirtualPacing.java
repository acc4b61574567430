package io.chanmarket.parsers.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the fetcher sleeps (or a test advances it); remembers every sleep. */
public final class VirtualPacing implements Pacing {

    private Instant now = Instant.parse("2026-09-29T10:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final double random;

    public VirtualPacing(double random) {
        this.random = random;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    @Override
    public double random() {
        return random;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
