package io.chanmarket.core.catalog.channels;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every field of the channel card. Null numbers mean "no data", never zero; empty lists are sent as {@code []}. */
@Serdeable
public record ChannelDetails(long id, @Nullable Category category, String title, @Nullable String description,
        @Nullable String username, @Nullable String logoUrl, @Nullable String tgLink, @Nullable String tgstatUrl,
        @Nullable String telemetrUrl, @Nullable String language, @Nullable String country, @Nullable Long subscribers,
        @Nullable Long reach, @Nullable BigDecimal errPct, @Nullable BigDecimal erPct,
        @Nullable BigDecimal citationIndex, @Nullable BigDecimal priceRub, @Nullable BigDecimal cpmRub,
        @Nullable String audienceAge, @Nullable BigDecimal genderMalePct, @Nullable BigDecimal genderFemalePct,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<GeoShare> geo,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Review> reviews,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<AdExample> adExamples, SimilarChannels similar,
        @Nullable LocalDate channelCreatedOn, @Nullable Instant metricsUpdatedAt, boolean verified, boolean redLabel,
        boolean blackLabel, boolean demo, String trackedLinkCode) {

    /** One country of the audience. */
    @Serdeable
    public record GeoShare(String name, BigDecimal pct) {
    }

    /** A review shown on the card. */
    @Serdeable
    public record Review(String author, String text, @Nullable Integer rating, Instant createdAt) {
    }

    /** An example of an ad published in the channel. */
    @Serdeable
    public record AdExample(String title, @Nullable String postUrl, @Nullable String imageUrl) {
    }
}
