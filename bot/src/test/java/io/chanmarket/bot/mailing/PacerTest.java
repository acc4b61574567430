package io.chanmarket.bot.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void spacesSendsAtTheRateAfterASmallCatchUp() throws InterruptedException {
        Pacer pacer = new Pacer(100);
        long start = System.nanoTime();
        for (int i = 0; i < 105; i++) {
            pacer.acquire();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isBetween(0.95, 1.3);
    }

    @Test
    void a429HoldsEverySendBackForRetryAfter() throws InterruptedException {
        Pacer pacer = new Pacer(100);
        pacer.pauseFor(1);
        long start = System.nanoTime();
        pacer.acquire();
        assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(990);
    }
}
