package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.Category;
import io.chanmarket.core.catalog.channels.SimilarChannels;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How the OpenAPI document shows the Mini App card ({@code ChannelDetails}, catalog-core): the same properties, with
 * the channel's category described as an object that is absent or null when the channel has none. The generator writes
 * a nullable reference as {@code nullable} beside {@code allOf}, which OpenAPI 3.0 validators refuse without a type.
 */
public final class MiniAppSchemas {

    private MiniAppSchemas() {
    }

    @Schema(name = "ChannelDetails")
    public record ChannelDetails(long id,
            @Schema(description = "The channel's category; absent or null when it has none", requiredMode = RequiredMode.NOT_REQUIRED) Category category,
            String title, @Nullable String description, @Nullable String username, @Nullable String logoUrl,
            @Nullable String tgLink, @Nullable String tgstatUrl, @Nullable String telemetrUrl,
            @Nullable String language, @Nullable String country, @Nullable Long subscribers, @Nullable Long reach,
            @Nullable BigDecimal errPct, @Nullable BigDecimal erPct, @Nullable BigDecimal citationIndex,
            @Nullable BigDecimal priceRub, @Nullable BigDecimal cpmRub, @Nullable String audienceAge,
            @Nullable BigDecimal genderMalePct, @Nullable BigDecimal genderFemalePct,
            List<io.chanmarket.core.catalog.channels.ChannelDetails.GeoShare> geo,
            List<io.chanmarket.core.catalog.channels.ChannelDetails.Review> reviews,
            List<io.chanmarket.core.catalog.channels.ChannelDetails.AdExample> adExamples, SimilarChannels similar,
            @Nullable LocalDate channelCreatedOn, @Nullable Instant metricsUpdatedAt, boolean verified,
            boolean redLabel, boolean blackLabel, boolean demo, String trackedLinkCode) {
    }
}
