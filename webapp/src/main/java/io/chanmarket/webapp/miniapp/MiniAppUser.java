package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.users.TelegramUser;
import io.micronaut.core.annotation.Nullable;

/** The authenticated user of a Mini App request, the UI language picked for them, and the signed start parameter. */
public record MiniAppUser(TelegramUser user, String language, @Nullable String startParam) {

    public long id() {
        return user.id();
    }
}
