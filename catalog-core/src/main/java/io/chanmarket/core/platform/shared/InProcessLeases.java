package io.chanmarket.core.platform.shared;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Leases for a single node, used when no Redis is configured. */
@Singleton
@Requires(missingProperty = "redis.uri")
public class InProcessLeases implements Leases {

    private record Held(String owner, Instant until) {
    }

    private final ConcurrentMap<String, Held> leases = new ConcurrentHashMap<>();
    private final Clock clock;

    public InProcessLeases() {
        this(Clock.systemUTC());
    }

    InProcessLeases(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String name, String owner, Duration ttl) {
        Instant now = clock.instant();
        Held result = leases.compute(name,
                (key, held) -> held == null || held.owner().equals(owner) || !held.until().isAfter(now)
                        ? new Held(owner, now.plus(ttl)) : held);
        return result.owner().equals(owner);
    }

    @Override
    public void release(String name, String owner) {
        leases.computeIfPresent(name, (key, held) -> held.owner().equals(owner) ? null : held);
    }

    @Override
    public Optional<String> holder(String name) {
        Held held = leases.get(name);
        return held != null && held.until().isAfter(clock.instant()) ? Optional.of(held.owner()) : Optional.empty();
    }
}
