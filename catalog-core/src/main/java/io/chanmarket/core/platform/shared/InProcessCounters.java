package io.chanmarket.core.platform.shared;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters for a single node, used when no Redis is configured. */
@Singleton
@Requires(missingProperty = "redis.uri")
public class InProcessCounters implements Counters {

    private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    private AtomicLong counter(String key) {
        return counters.computeIfAbsent(key, k -> new AtomicLong());
    }

    @Override
    public long add(String key, long delta) {
        return counter(key).addAndGet(delta);
    }

    @Override
    public long get(String key) {
        AtomicLong counter = counters.get(key);
        return counter == null ? 0 : counter.get();
    }

    @Override
    public OptionalLong addIfAtMost(String key, long delta, long max) {
        AtomicLong counter = counter(key);
        while (true) {
            long current = counter.get();
            long next = current + delta;
            if (next > max) {
                return OptionalLong.empty();
            }
            if (counter.compareAndSet(current, next)) {
                return OptionalLong.of(next);
            }
        }
    }

    @Override
    public void set(String key, long value) {
        counter(key).set(value);
    }

    @Override
    public void delete(String key) {
        counters.remove(key);
    }
}
