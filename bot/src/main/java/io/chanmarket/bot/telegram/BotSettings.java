package io.chanmarket.bot.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The bot's settings ({@code app.bot.*}).
 *
 * @param token
 *            bot token; without one the bot does not start
 * @param miniAppUrl
 *            the Mini App's public URL, opened by the welcome button and the chat menu button
 * @param apiUrl
 *            the Bot API server (tests point it at a local stand-in)
 * @param mode
 *            {@code polling} (long polling on the lease holder) or {@code webhook}
 * @param webhookUrl
 *            public URL of {@code POST /telegram/webhook}, registered with Telegram in webhook mode
 * @param webhookSecret
 *            the {@code X-Telegram-Bot-Api-Secret-Token} Telegram must send in webhook mode
 * @param leaseTtl
 *            how long the polling lease lasts; it is renewed every third of this
 * @param maxRetryAfter
 *            the longest 429 {@code retry_after} a reply waits out before giving up
 */
@ConfigurationProperties("app.bot")
public record BotSettings(@Nullable String token, @Bindable(defaultValue = "") String miniAppUrl,
        @Bindable(defaultValue = "https://api.telegram.org") String apiUrl,
        @Bindable(defaultValue = "polling") String mode, @Nullable String webhookUrl, @Nullable String webhookSecret,
        @Bindable(defaultValue = "30s") Duration leaseTtl, @Bindable(defaultValue = "30s") Duration maxRetryAfter) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    public boolean webhook() {
        return "webhook".equalsIgnoreCase(mode);
    }

    /** {@link #apiUrl} as the client library wants it. */
    public TelegramUrl telegramUrl() {
        URI uri = URI.create(apiUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }
}
