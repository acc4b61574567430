package io.chanmarket.core.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void theLastEntryIsTheOneOurProxyAdded() {
        assertThat(ClientAddress.lastEntry("203.0.113.9, 198.51.100.7")).contains("198.51.100.7");
        assertThat(ClientAddress.lastEntry("198.51.100.7")).contains("198.51.100.7");
        assertThat(ClientAddress.lastEntry(null)).isEmpty();
        assertThat(ClientAddress.lastEntry(" ")).isEmpty();
        assertThat(ClientAddress.lastEntry("1.2.3.4, ")).isEmpty();
        assertThat(ClientAddress.lastEntry("x".repeat(101))).isEmpty();
    }
}
