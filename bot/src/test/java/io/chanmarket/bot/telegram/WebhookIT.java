package io.chanmarket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanmarket.core.users.TelegramUsers;
import io.chanmarket.testing.DatabaseTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Webhook mode: only requests with the right secret header are dispatched; polling does not run. */
@MicronautTest(transactional = false)
class WebhookIT implements DatabaseTest {

    private final TelegramStandIn telegram = new TelegramStandIn("42:TEST");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TelegramUsers users;
    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("app.bot.api-url", telegram.url(), "app.bot.mode", "webhook", "app.bot.webhook-secret",
                "s3cret-Token_1", "app.bot.webhook-url", "https://bot.example/telegram/webhook",
                "micronaut.server.port", "-1");
    }

    @AfterAll
    void stopStandIn() {
        telegram.close();
    }

    @Test
    void registersTheWebhookWithItsSecretAndDoesNotPoll() {
        var call = telegram.await("setWebhook", 1, Duration.ofSeconds(5)).get(0);
        assertThat(call.params().path("url").asText()).isEqualTo("https://bot.example/telegram/webhook");
        assertThat(call.params().path("secret_token").asText()).isEqualTo("s3cret-Token_1");
        assertThat(context.containsBean(LongPolling.class)).isFalse();
        assertThat(telegram.calls("getUpdates")).isEmpty();
    }

    @Test
    void updateWithTheRightSecretIsHandled() {
        long user = 880_001;
        HttpResponse<String> response = http.toBlocking()
                .exchange(post(TestUpdates.message(user, "ru", "/start").toString(), "s3cret-Token_1"), String.class);

        assertThat(response.status().getCode()).isEqualTo(200);
        assertThat(telegram.textsTo(user)).containsExactly(BotTexts.text("ru", "start.welcome"));
        assertThat(users.exists(user)).isTrue();
    }

    @Test
    void missingOrWrongSecretIsRejectedAndNothingIsHandled() {
        long user = 880_002;
        String body = TestUpdates.message(user, "ru", "/start").toString();

        assertThatThrownBy(() -> http.toBlocking().exchange(post(body, null), String.class)).isInstanceOfSatisfying(
                HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
        assertThatThrownBy(() -> http.toBlocking().exchange(post(body, "s3cret-Token_2"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
        assertThat(telegram.textsTo(user)).isEmpty();
        assertThat(users.exists(user)).isFalse();
    }

    @Test
    void bodyThatIsNotAnUpdateIsABadRequest() {
        assertThatThrownBy(() -> http.toBlocking().exchange(post("{not json", "s3cret-Token_1"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class).orElse("")).contains("not a Telegram update");
                });
    }

    private static HttpRequest<String> post(String body, String secret) {
        var request = HttpRequest.POST("/telegram/webhook", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        return secret == null ? request : request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
}
