package io.chanmarket.core.mailing;

import io.micronaut.core.annotation.Nullable;

/**
 * A segment as listed: an automatic topic segment (one per category) or a manual one built from filters.
 *
 * @param name
 *            the manual segment's name, or the category's name (Russian, English) for an automatic one
 * @param size
 *            users in the segment now who have not blocked the bot
 */
public record Segment(long id, SegmentKind kind, String name, @Nullable String nameEn, @Nullable Long categoryId,
        @Nullable String languageCode, boolean premiumOnly, @Nullable Integer seenWithinDays,
        @Nullable Long interestCategoryId, long size) {
}
