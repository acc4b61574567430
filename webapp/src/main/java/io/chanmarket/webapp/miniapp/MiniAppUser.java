package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.users.TelegramUser;
import io.micronaut.core.annotation.Nullable;

/**
 * The authenticated user of a Mini App request, the UI language picked for them, and the signed start parameter;
 * {@code preview}: the local preview user (no bot configured, a request from this machine), not a Telegram user.
 */
public record MiniAppUser(TelegramUser user, String language, @Nullable String startParam, boolean preview) {

    public MiniAppUser(TelegramUser user, String language, @Nullable String startParam) {
        this(user, language, startParam, false);
    }

    public long id() {
        return user.id();
    }
}
