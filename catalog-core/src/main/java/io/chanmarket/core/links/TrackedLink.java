package io.chanmarket.core.links;

import io.micronaut.core.annotation.Nullable;

/** A link that opens the Mini App on a channel or category and counts who arrived through it. */
public record TrackedLink(long id, String code, @Nullable Long channelId, @Nullable Long categoryId,
        @Nullable String label, boolean isDefault) {
}
