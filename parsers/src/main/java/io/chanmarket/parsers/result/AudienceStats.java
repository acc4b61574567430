package io.chanmarket.parsers.result;

import java.math.BigDecimal;
import java.util.List;

/**
 * What Telemetr adds to TGStat's numbers: its own subscriber and view counts, ER and daily ER ("Суточный", a
 * percentage), the gender split it estimates from subscribers' names, and the main language. Null means no data; a
 * refused value is null and listed in {@code refused}.
 */
public record AudienceStats(String title, Long subscribers, Long viewsPerPost, BigDecimal erPct, BigDecimal erDailyPct,
        BigDecimal genderMalePct, BigDecimal genderFemalePct, String language, List<Refusal> refused) {

    public AudienceStats {
        refused = List.copyOf(refused);
    }
}
