package io.chanmarket.core.catalog.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A full set of TGStat metrics for a channel. Null means the source had no data; it is written as null (the old value
 * is no longer true), never as zero. {@code country}, {@code language} and {@code logoUrl} only fill empty fields, so
 * an admin's values win.
 */
public record StatValues(Long subscribers, Long avgReach, Long adReach12h, Long adReach24h, Long adReach48h,
        BigDecimal errPct, BigDecimal err24Pct, BigDecimal erPct, BigDecimal citationIndex, Long postsCount,
        LocalDate createdOn, boolean verified, boolean redLabel, boolean blackLabel, String country, String language,
        String logoUrl) {
}
