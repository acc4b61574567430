package io.chanmarket.bot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode ({@code app.bot.mode=webhook}): Telegram posts each update here. The controller only checks the secret
 * header in constant time and hands the update to the {@link UpdateDispatcher}.
 */
@Controller("/telegram/webhook")
@Requires(property = "app.bot.token", pattern = ".+")
@Requires(property = "app.bot.mode", value = "webhook")
@Requires(property = "app.roles.bot", notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final UpdateDispatcher dispatcher;
    private final byte[] secret;

    WebhookController(UpdateDispatcher dispatcher, BotSettings settings) {
        this.dispatcher = dispatcher;
        if (settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
            throw new IllegalStateException(
                    "Configuration error: app.bot.webhook-secret (APP_BOT_WEBHOOK_SECRET): required in webhook mode");
        }
        this.secret = settings.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> receive(@Nullable @Header("X-Telegram-Bot-Api-Secret-Token") String token,
            @Nullable @Body String body) {
        byte[] given = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, secret)) {
            return HttpResponse.unauthorized().body(Map.of("message", "missing or wrong secret token"));
        }
        Update update;
        try {
            update = JSON.readValue(body == null ? "" : body, Update.class);
        } catch (Exception e) {
            return HttpResponse.badRequest(Map.of("message", "the body is not a Telegram update"));
        }
        dispatcher.dispatch(update);
        return HttpResponse.ok(Map.of("status", "ok"));
    }
}
