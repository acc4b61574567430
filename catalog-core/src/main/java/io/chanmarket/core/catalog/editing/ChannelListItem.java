package io.chanmarket.core.catalog.editing;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;

/** One row of the admin's channel list. */
public record ChannelListItem(long id, String title, @Nullable String username, @Nullable String categoryName,
        @Nullable BigDecimal priceRub, @Nullable Long subscribers, boolean hidden, Instant updatedAt) {
}
