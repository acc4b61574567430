package io.chanmarket.core.catalog.metrics;

import java.math.BigDecimal;

/**
 * What a secondary source (Telemetr) adds: gender split and language go onto the channel when present; its own
 * subscriber, view and ER numbers go into the history only, so two sources never fight over the card.
 */
public record AudienceValues(Long subscribers, Long viewsPerPost, BigDecimal erPct, BigDecimal genderMalePct,
        BigDecimal genderFemalePct, String language) {
}
