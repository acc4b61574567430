package io.chanmarket.core.catalog.editing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A review shown on a channel's card. */
@Serdeable
public record Review(long id, long channelId, String author, String text, @Nullable Integer rating, Instant createdAt) {
}
