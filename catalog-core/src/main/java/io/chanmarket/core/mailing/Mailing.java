package io.chanmarket.core.mailing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/** A mailing: its message, the segments it goes to, and where it is. */
public record Mailing(long id, String title, String text, @Nullable String imageUrl, @Nullable Long buttonChannelId,
        @Nullable String buttonText, MailingState state, boolean test, String createdBy, Instant createdAt,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, long version, List<Long> segmentIds) {

    public MailingDraft draft() {
        return new MailingDraft(title, text, imageUrl, buttonChannelId, buttonText, segmentIds);
    }
}
