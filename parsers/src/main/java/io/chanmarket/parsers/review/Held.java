package io.chanmarket.parsers.review;

import io.chanmarket.core.catalog.metrics.StatField;
import java.math.BigDecimal;

/** A value held back by {@link Plausibility}: the field, what the page says, what the channel has, and why. */
public record Held(StatField field, String name, BigDecimal proposed, BigDecimal current, String reason) {
}
