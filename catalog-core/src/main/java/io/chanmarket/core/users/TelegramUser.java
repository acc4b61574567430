package io.chanmarket.core.users;

import io.micronaut.core.annotation.Nullable;

/** A Telegram user of the Mini App, as the validated initData describes them. */
public record TelegramUser(long id, String firstName, @Nullable String lastName, @Nullable String username,
        @Nullable String languageCode, boolean premium) {
}
