package io.chanmarket.parsers.result;

import java.math.BigDecimal;

/**
 * What Telemetr adds to TGStat's numbers: its own subscriber and view counts, ER, the gender split it estimates from
 * subscribers' names, and the main language. Null means no data.
 */
public record AudienceStats(String title, Long subscribers, Long viewsPerPost, BigDecimal erPct, Long dailyReach,
        BigDecimal genderMalePct, BigDecimal genderFemalePct, String language) {
}
