package io.chanmarket.core.catalog.editing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A channel's manual fields (and the parsed numbers an editor wants to see) with its lock version. */
@Serdeable
public record EditableChannel(long id, @Nullable Long categoryId, @Nullable String username, String title,
        @Nullable String description, @Nullable String logoUrl, @Nullable String tgLink, @Nullable String tgstatUrl,
        @Nullable String telemetrUrl, @Nullable String language, @Nullable String country,
        @Nullable BigDecimal priceRub, @Nullable String audienceAge, @Nullable BigDecimal genderMalePct,
        @Nullable BigDecimal genderFemalePct, List<GeoShare> geoSplit, boolean hidden, @Nullable Long subscribers,
        @Nullable Long avgReach, @Nullable BigDecimal cpmRub, long version, Instant updatedAt) {
}
