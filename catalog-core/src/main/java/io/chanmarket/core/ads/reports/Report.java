package io.chanmarket.core.ads.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.UUID;

/**
 * A report (complaint) about a campaign's ad, and how it is being handled.
 *
 * @param campaignTitle
 *            the campaign's current title (null when the campaign was deleted)
 * @param state
 *            the moderators' handling: {@code SENT} (new), {@code UNDER_REVIEW}, {@code ACTION_TAKEN}, {@code SKIPPED}
 * @param llmStatus
 *            the automatic check: {@code OFF} (not checked), {@code PENDING}, {@code DONE}, {@code FAILED}
 * @param llmFlag
 *            {@code true} when the model found the ad violating, {@code false} when not; null unless {@code DONE}
 * @param llmVerdict
 *            the model's answer ({@code DONE}) or why the check failed ({@code FAILED})
 * @param handledBy
 *            the moderator who last changed the state
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Report(UUID reportId, UUID campaignId, @Nullable String campaignTitle, @Nullable UUID clientId,
        @Nullable String reporter, String reason, State state, LlmStatus llmStatus, @Nullable Boolean llmFlag,
        @Nullable String llmVerdict, Instant createdAt, Instant updatedAt, @Nullable String handledBy) {

    /** How far moderators got with a report. */
    public enum State {
        SENT, UNDER_REVIEW, ACTION_TAKEN, SKIPPED;

        /** Parses a state name (case-insensitive), or {@code AdsException.Invalid} naming {@code field}. */
        public static State parse(String value, String field) {
            for (State s : values()) {
                if (s.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return s;
                }
            }
            throw new io.chanmarket.core.ads.AdsException.Invalid(
                    field + " must be SENT, UNDER_REVIEW, ACTION_TAKEN or SKIPPED, got '" + value + "'");
        }
    }

    /** State of the automatic LLM check. */
    public enum LlmStatus {
        PENDING, DONE, FAILED, OFF
    }
}
