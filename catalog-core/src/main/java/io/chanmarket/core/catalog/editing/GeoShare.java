package io.chanmarket.core.catalog.editing;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** One country's share of a channel's audience, in percent; stored as {@code channel.geo_split} JSON. */
@Serdeable
public record GeoShare(String name, BigDecimal pct) {
}
