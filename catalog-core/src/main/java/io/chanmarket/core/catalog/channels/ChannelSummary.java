package io.chanmarket.core.catalog.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** A channel as a list row shows it. Null numbers mean "no data", never zero. */
@Serdeable
public record ChannelSummary(long id, long categoryId, String title, @Nullable String username,
        @Nullable String logoUrl, @Nullable Long subscribers, @Nullable Long reach, @Nullable BigDecimal errPct,
        @Nullable BigDecimal cpmRub, @Nullable BigDecimal priceRub, boolean verified, boolean demo) {
}
