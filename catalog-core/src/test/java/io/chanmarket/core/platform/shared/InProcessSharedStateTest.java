package io.chanmarket.core.platform.shared;

import org.junit.jupiter.api.Nested;

/** The contracts against the in-process implementations. */
class InProcessSharedStateTest {

    @Nested
    class CountersInProcess extends CountersContract {
        private final Counters counters = new InProcessCounters();

        @Override
        Counters counters() {
            return counters;
        }
    }

    @Nested
    class LeasesInProcess extends LeasesContract {
        private final Leases leases = new InProcessLeases();

        @Override
        Leases leases() {
            return leases;
        }
    }
}
