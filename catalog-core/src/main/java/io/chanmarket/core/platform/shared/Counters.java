package io.chanmarket.core.platform.shared;

import java.util.OptionalLong;

/**
 * Shared atomic counters (for example impressions per campaign on the ad-serving hot path). With Redis configured they
 * are shared by every node; otherwise they live in this process.
 */
public interface Counters {

    /** Adds {@code delta} (may be negative) and returns the new value; a missing counter is 0. */
    long add(String key, long delta);

    /** The current value; a missing counter is 0. */
    long get(String key);

    /**
     * Adds {@code delta} only if the result stays at or below {@code max}, atomically.
     *
     * @return the new value, or empty when adding would pass {@code max} (nothing changes then)
     */
    OptionalLong addIfAtMost(String key, long delta, long max);

    /** Sets the counter to {@code value} (used when rebuilding counters from the database). */
    void set(String key, long value);

    /** Removes the counter; it reads as 0 afterwards. */
    void delete(String key);
}
