package io.chanmarket.core.catalog.channels;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A category and its first channels (by subscribers). */
@Serdeable
public record CategoryWithChannels(Category category, List<ChannelSummary> channels) {
}
