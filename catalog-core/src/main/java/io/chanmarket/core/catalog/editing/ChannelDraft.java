package io.chanmarket.core.catalog.editing;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.List;

/** The manual fields of a channel as the admin sets them (validated by the caller). */
public record ChannelDraft(@Nullable Long categoryId, @Nullable String username, String title,
        @Nullable String description, @Nullable String tgLink, @Nullable String tgstatUrl, @Nullable String telemetrUrl,
        @Nullable String language, @Nullable String country, @Nullable BigDecimal priceRub,
        @Nullable String audienceAge, @Nullable BigDecimal genderMalePct, @Nullable BigDecimal genderFemalePct,
        List<GeoShare> geoSplit, boolean hidden) {
}
