package io.chanmarket.core.events;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Benchmark only (enabled by {@code bench.switchable-events=true}): the real {@link EventLog}, which the benchmark can
 * switch off to compare latencies, and which times every {@link #record} call (the cost a request pays for its event).
 */
@Singleton
@Replaces(EventLog.class)
@Requires(property = "bench.switchable-events", value = "true")
public class SwitchableEventLog extends EventLog {

    /** Histogram of {@link #record} durations in microsecond buckets (the last bucket collects the rest). */
    private static final int BUCKETS = 10_000;

    private volatile boolean enabled = true;
    private final AtomicLongArray micros = new AtomicLongArray(BUCKETS);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    SwitchableEventLog(TransactionOperations<Connection> tx) {
        super(tx);
    }

    @Override
    public void record(Event event) {
        if (!enabled) {
            return;
        }
        long start = System.nanoTime();
        super.record(event);
        long took = System.nanoTime() - start;
        calls.incrementAndGet();
        nanos.addAndGet(took);
        micros.incrementAndGet((int) Math.min(BUCKETS - 1, took / 1_000));
    }

    public void enabled(boolean on) {
        this.enabled = on;
    }

    public void resetTimings() {
        calls.set(0);
        nanos.set(0);
        for (int i = 0; i < BUCKETS; i++) {
            micros.set(i, 0);
        }
    }

    public long calls() {
        return calls.get();
    }

    public double meanMicros() {
        long n = calls.get();
        return n == 0 ? 0 : nanos.get() / 1_000.0 / n;
    }

    /** The upper bound (µs) of the bucket holding quantile {@code q} of the timed calls. */
    public long quantileMicros(double q) {
        long n = calls.get();
        long target = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += micros.get(i);
            if (seen >= target && seen > 0) {
                return i + 1;
            }
        }
        return BUCKETS;
    }
}
