package io.chanmarket.core.catalog.channels;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * Which channels of a category to list and in which order. Every bound is optional and inclusive.
 *
 * @param gender
 *            {@code MALE} or {@code FEMALE}: channels whose audience is mostly of that gender
 * @param search
 *            words to find in the title or description (case-insensitive)
 */
public record ChannelFilter(ChannelSort sort, boolean descending, Range subscribers, Range reach, Range err, Range cpm,
        Range price, @Nullable Gender gender, @Nullable String country, @Nullable String language,
        @Nullable String search, int page, int pageSize) {

    public enum Gender {
        MALE, FEMALE
    }

    /** An inclusive range; either end may be open. */
    public record Range(@Nullable BigDecimal min, @Nullable BigDecimal max) {
        public static final Range ANY = new Range(null, null);

        public boolean isOpen() {
            return min == null && max == null;
        }
    }

    public ChannelFilter {
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be 1..100");
        }
    }

    /** Biggest channels first, no filter. */
    public static ChannelFilter defaults(int pageSize) {
        return new ChannelFilter(ChannelSort.SUBSCRIBERS, true, Range.ANY, Range.ANY, Range.ANY, Range.ANY, Range.ANY,
                null, null, null, null, 0, pageSize);
    }
}
