package io.chanmarket.core.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link Counters} implementation must do; run against each one. */
abstract class CountersContract {

    abstract Counters counters();

    private final String key = "c-" + UUID.randomUUID();

    @Test
    void aMissingCounterReadsZero() {
        assertThat(counters().get(key)).isZero();
    }

    @Test
    void addReturnsTheNewValue() {
        assertThat(counters().add(key, 3)).isEqualTo(3);
        assertThat(counters().add(key, -1)).isEqualTo(2);
        assertThat(counters().get(key)).isEqualTo(2);
    }

    @Test
    void addIfAtMostStopsAtTheMaximum() {
        assertThat(counters().addIfAtMost(key, 2, 3)).hasValue(2);
        assertThat(counters().addIfAtMost(key, 1, 3)).hasValue(3);
        assertThat(counters().addIfAtMost(key, 1, 3)).isEmpty();
        assertThat(counters().get(key)).isEqualTo(3);
    }

    @Test
    void setAndDelete() {
        counters().set(key, 41);
        assertThat(counters().add(key, 1)).isEqualTo(42);
        counters().delete(key);
        assertThat(counters().get(key)).isZero();
    }

    @Test
    void parallelBoundedAddsNeverPassTheMaximum() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                tasks.add(() -> counters().addIfAtMost(key, 1, 100).isPresent());
            }
            long granted = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                if (f.get()) {
                    granted++;
                }
            }
            assertThat(granted).isEqualTo(100);
            assertThat(counters().get(key)).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelAddsAreNotLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> counters().add(key, 1));
            }
            pool.invokeAll(tasks);
            assertThat(counters().get(key)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
