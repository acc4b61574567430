package io.chanmarket.core.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What every {@link Leases} implementation must do; run against each one. */
abstract class LeasesContract {

    abstract Leases leases();

    private final String lease = "job-" + UUID.randomUUID();

    @Test
    void aFreeLeaseIsTakenAndHeld() {
        assertThat(leases().holder(lease)).isEmpty();
        assertThat(leases().tryAcquire(lease, "node-a", Duration.ofSeconds(30))).isTrue();
        assertThat(leases().holder(lease)).hasValue("node-a");
    }

    @Test
    void onlyOneNodeHoldsALease() {
        assertThat(leases().tryAcquire(lease, "node-a", Duration.ofSeconds(30))).isTrue();
        assertThat(leases().tryAcquire(lease, "node-b", Duration.ofSeconds(30))).isFalse();
        assertThat(leases().holder(lease)).hasValue("node-a");
    }

    @Test
    void theHolderRenewsItsLease() {
        assertThat(leases().tryAcquire(lease, "node-a", Duration.ofMillis(300))).isTrue();
        assertThat(leases().tryAcquire(lease, "node-a", Duration.ofSeconds(30))).isTrue();
        // past the first lease's 300 ms, the renewed one still keeps node-b out
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> !leases().tryAcquire(lease, "node-b", Duration.ofSeconds(30)));
    }

    @Test
    void anExpiredLeaseGoesToAnotherNode() {
        assertThat(leases().tryAcquire(lease, "node-a", Duration.ofMillis(200))).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> leases().holder(lease).isEmpty());
        assertThat(leases().tryAcquire(lease, "node-b", Duration.ofSeconds(30))).isTrue();
        assertThat(leases().holder(lease)).hasValue("node-b");
    }

    @Test
    void onlyTheHolderReleases() {
        assertThat(leases().tryAcquire(lease, "node-a", Duration.ofSeconds(30))).isTrue();
        leases().release(lease, "node-b");
        assertThat(leases().holder(lease)).hasValue("node-a");
        leases().release(lease, "node-a");
        assertThat(leases().holder(lease)).isEmpty();
        assertThat(leases().tryAcquire(lease, "node-b", Duration.ofSeconds(30))).isTrue();
    }
}
