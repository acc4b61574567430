package io.chanmarket.core.mailing;

import io.micronaut.core.annotation.Nullable;

/** What the sender sends: Telegram-HTML text, optional image, optional button opening a channel in the Mini App. */
public record MailingContent(long mailingId, String text, @Nullable String imageUrl, @Nullable Long buttonChannelId,
        @Nullable String buttonText) {
}
