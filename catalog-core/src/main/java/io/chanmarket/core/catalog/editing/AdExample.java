package io.chanmarket.core.catalog.editing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An example of an ad published in a channel. */
@Serdeable
public record AdExample(long id, long channelId, String title, @Nullable String postUrl, @Nullable String imageUrl,
        Instant createdAt) {
}
