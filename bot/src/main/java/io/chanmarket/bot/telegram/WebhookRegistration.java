package io.chanmarket.bot.telegram;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/**
 * In webhook mode with {@code app.bot.webhook-url} set, registers the webhook and its secret with Telegram at start.
 */
@Singleton
@Requires(property = "app.bot.token", pattern = ".+")
@Requires(property = "app.bot.mode", value = "webhook")
@Requires(property = "app.bot.webhook-url")
@Requires(property = "app.roles.bot", notEquals = "false")
class WebhookRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);

    private final BotClient client;
    private final BotSettings settings;

    WebhookRegistration(BotClient client, BotSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        boolean done = client.setWebhook(SetWebhook.builder().url(settings.webhookUrl())
                .secretToken(settings.webhookSecret()).allowedUpdates(LongPolling.ALLOWED_UPDATES).build());
        LOG.info("Telegram webhook {} registered: {}", settings.webhookUrl(), done);
    }
}
