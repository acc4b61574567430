package io.chanmarket.core.mailing;

import io.micronaut.core.annotation.Nullable;

/**
 * A manual segment: its name and filters on users (null = no filter).
 *
 * @param languageCode
 *            the user's Telegram {@code language_code}, e.g. {@code ru}
 * @param premiumOnly
 *            only Telegram Premium users
 * @param seenWithinDays
 *            only users seen in the last that many days
 * @param interestCategoryId
 *            only members of that category's topic segment
 */
public record SegmentFilter(String name, @Nullable String languageCode, boolean premiumOnly,
        @Nullable Integer seenWithinDays, @Nullable Long interestCategoryId) {
}
