package io.chanmarket.core.catalog.editing;

import io.micronaut.core.annotation.Nullable;

/**
 * Search, filters, sorting and paging of the admin's channel list. {@code search} matches title, username and
 * description; {@code categoryId} 0 means "without a category".
 */
public record ChannelQuery(@Nullable String search, @Nullable Long categoryId, @Nullable Boolean hidden,
        ChannelSort sort, boolean descending, int page, int size) {

    /** Sort orders of the channel list. */
    public enum ChannelSort {
        TITLE("c.title"), PRICE("c.price_rub"), SUBSCRIBERS("c.subscribers"), UPDATED("c.updated_at");

        final String column;

        ChannelSort(String column) {
            this.column = column;
        }
    }
}
