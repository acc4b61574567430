package io.chanmarket.core.platform.shared;

import java.time.Duration;

/**
 * Fixed-window rate limits shared by every node (through Redis when configured, else in this process): at most
 * {@code limit} takes per key and window. Windows expire by themselves, so keys never pile up.
 */
public interface RateWindows {

    /**
     * Takes one unit from the current window of {@code key}.
     *
     * @return 0 when taken, else how many whole seconds remain until the window ends (at least 1)
     */
    long take(String key, int limit, Duration window);
}
