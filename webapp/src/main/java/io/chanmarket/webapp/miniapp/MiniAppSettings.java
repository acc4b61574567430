package io.chanmarket.webapp.miniapp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the Mini App ({@code app.miniapp.*}).
 *
 * @param botToken
 *            the bot token; initData is checked with it (first-party HMAC)
 * @param botId
 *            without a token: the bot id for Telegram's Ed25519 (third-party) check
 * @param telegramEnvironment
 *            {@code production} or {@code test}: which Telegram public key the third-party check uses
 * @param maxAuthAge
 *            initData older than this is refused
 * @param telegramScript
 *            where the page loads telegram-web-app.js from
 * @param botUsername
 *            the bot's username, for the tracked links ({@code t.me/<bot>?startapp=<code>})
 * @param managerUsername
 *            the Telegram username "Contact manager" opens a chat with
 * @param similarSlots
 *            how many similar-channel slots a card has
 * @param pageSize
 *            channels per list page
 * @param devUserId
 *            DEV MODE when set: requests without initData act as this Telegram user
 * @param devUserLanguage
 *            the dev user's language code
 */
@ConfigurationProperties("app.miniapp")
public record MiniAppSettings(@Nullable String botToken, @Nullable Long botId,
        @Bindable(defaultValue = "production") String telegramEnvironment,
        @Bindable(defaultValue = "24h") Duration maxAuthAge,
        @Bindable(defaultValue = "https://telegram.org/js/telegram-web-app.js") String telegramScript,
        @Bindable(defaultValue = "chanmarket_bot") String botUsername,
        @Bindable(defaultValue = "chanmarket_manager") String managerUsername,
        @Bindable(defaultValue = "4") int similarSlots, @Bindable(defaultValue = "20") int pageSize,
        @Nullable Long devUserId, @Bindable(defaultValue = "ru") String devUserLanguage) {
}
