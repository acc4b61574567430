package io.chanmarket.core.platform.shared;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/** Rate windows of a single node, used when no Redis is configured; ended windows are dropped as new ones start. */
@Singleton
@Requires(missingProperty = "redis.uri")
class InProcessRateWindows implements RateWindows {

    private record Window(long endsAt, int count) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    InProcessRateWindows() {
        this(System::currentTimeMillis);
    }

    InProcessRateWindows(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public long take(String key, int limit, Duration window) {
        long now = clock.getAsLong();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.endsAt() <= now);
        }
        Window current = windows.compute(key, (k, w) -> w == null || w.endsAt() <= now
                ? new Window(now + window.toMillis(), 1) : new Window(w.endsAt(), w.count() + 1));
        if (current.count() <= limit) {
            return 0;
        }
        return Math.max(1, (current.endsAt() - now + 999) / 1000);
    }
}
