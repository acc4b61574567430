package io.chanmarket.bot.telegram;

import io.chanmarket.core.users.TelegramUsers;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.Serializable;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls the Bot API for the bot's replies. A 429 is waited out ({@code retry_after}, up to
 * {@code app.bot.max-retry-after}) and retried; a 403 marks the user as having blocked the bot; anything else is
 * logged, and the reply is given up (a reply is never worth stopping the update loop for).
 */
@Singleton
@Requires(property = "app.bot.token", pattern = ".+")
public class BotClient {

    private static final Logger LOG = LoggerFactory.getLogger(BotClient.class);
    private static final int MAX_ATTEMPTS = 3;

    private final TelegramClient client;
    private final TelegramUsers users;
    private final BotSettings settings;

    BotClient(BotSettings settings, TelegramUsers users) {
        this.client = new OkHttpTelegramClient(settings.token(), settings.telegramUrl());
        this.users = users;
        this.settings = settings;
    }

    /**
     * Executes {@code method} for the chat of user {@code userId} (a private chat has the user's id).
     *
     * @return the result, or empty when the call failed for good
     */
    public <T extends Serializable> Optional<T> execute(long userId, BotApiMethod<T> method) {
        for (int attempt = 1;; attempt++) {
            try {
                return Optional.ofNullable(client.execute(method));
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                if (code != null && code == 429 && retryAfter != null && attempt < MAX_ATTEMPTS
                        && retryAfter <= settings.maxRetryAfter().toSeconds()) {
                    sleep(retryAfter * 1000L);
                    continue;
                }
                if (code != null && code == 403) {
                    users.setBlocked(userId, true);
                    LOG.info("User {} blocked the bot: {}", userId, e.getApiResponse());
                    return Optional.empty();
                }
                if (code != null && code >= 500 && attempt < MAX_ATTEMPTS) {
                    sleep(200L * attempt);
                    continue;
                }
                LOG.warn("{} to {} failed: {}", method.getMethod(), userId, e.toString());
                return Optional.empty();
            } catch (TelegramApiException e) {
                LOG.warn("{} to {} failed: {}", method.getMethod(), userId, e.toString());
                return Optional.empty();
            }
        }
    }

    /** Registers the webhook; false when Telegram refused it. */
    public boolean setWebhook(SetWebhook setWebhook) {
        try {
            return Boolean.TRUE.equals(client.execute(setWebhook));
        } catch (TelegramApiException e) {
            LOG.warn("setWebhook failed: {}", e.toString());
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
