package io.chanmarket.core.catalog.metrics;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of a channel's metric history. */
public record MetricSnapshot(MetricSource source, Instant fetchedAt, Long subscribers, Long avgReach, Long adReach24h,
        BigDecimal errPct, BigDecimal err24Pct, BigDecimal erPct, BigDecimal citationIndex, Long postsCount) {
}
