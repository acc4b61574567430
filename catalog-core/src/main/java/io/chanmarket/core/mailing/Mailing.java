package io.chanmarket.core.mailing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A mailing: its message, the segments it goes to, and where it is.
 *
 * @param pauseReason
 *            why the sender paused it itself ({@code TELEGRAM_UNREACHABLE}); null when running or paused by an admin
 * @param pauseDetail
 *            the technical detail of that reason (e.g. "Connection refused")
 * @param telegramBackAt
 *            when the sender saw Telegram answer again while this mailing stayed paused for being unreachable
 */
public record Mailing(long id, String title, String text, @Nullable String imageUrl, @Nullable Long buttonChannelId,
        @Nullable String buttonText, MailingState state, boolean test, String createdBy, Instant createdAt,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, long version, List<Long> segmentIds,
        @Nullable String pauseReason, @Nullable String pauseDetail, @Nullable Instant pausedAt,
        @Nullable Instant telegramBackAt) {

    /** The sender paused it because Telegram could not be reached. */
    public boolean pausedUnreachable() {
        return state == MailingState.PAUSED && "TELEGRAM_UNREACHABLE".equals(pauseReason);
    }

    public MailingDraft draft() {
        return new MailingDraft(title, text, imageUrl, buttonChannelId, buttonText, segmentIds);
    }
}
