package io.chanmarket.core.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InProcessRateWindowsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InProcessRateWindows windows = new InProcessRateWindows(now::get);

    @Test
    void takesUpToTheLimitThenSaysHowLongToWaitAndStartsAfreshWhenTheWindowEnds() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(windows.take("a", 2, minute)).isZero();
        assertThat(windows.take("a", 2, minute)).isZero();
        now.addAndGet(20_500);
        assertThat(windows.take("a", 2, minute)).isEqualTo(40); // 39.5 s left, rounded up
        assertThat(windows.take("b", 2, minute)).as("another key has its own window").isZero();
        now.addAndGet(39_500);
        assertThat(windows.take("a", 2, minute)).isZero();
    }
}
