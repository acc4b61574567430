package io.chanmarket.parsers.review;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A value a parser did not write.
 *
 * @param kind
 *            {@code REFUSED} (the page's text reads as more than one number) or {@code HELD} (an implausible jump,
 *            waiting for an admin)
 * @param state
 *            {@code OPEN}, {@code CONFIRMED}, {@code REJECTED} or {@code SUPERSEDED} (a later fetch wrote the field)
 */
public record ValueReview(long id, long channelId, String source, String field, String kind, String rawText,
        BigDecimal proposed, BigDecimal currentValue, String reason, Instant detectedAt, String state,
        Instant decidedAt, String decidedBy) {

    public boolean held() {
        return "HELD".equals(kind);
    }

    public boolean open() {
        return "OPEN".equals(state);
    }
}
