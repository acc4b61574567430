package io.chanmarket.core.ads.llm;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small client of any OpenAI-compatible chat-completions endpoint ({@code POST <base-url>/chat/completions}).
 *
 * <p>
 * One call is one completion: a system and a user message in, the first choice's message content out. Each attempt has
 * the configured timeout; a 429, a 5xx, a timeout or a network failure is retried with exponential backoff up to
 * {@code max-attempts}; any other status, or a reply that is not the expected JSON, fails at once. At most
 * {@code max-concurrent} completions run at a time on this node; further callers wait for a slot.
 */
@Singleton
public class LlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);
    private static final int MAX_REPLY_CHARS = 20_000;

    @Serdeable
    record Message(String role, String content) {
    }

    @Serdeable
    record ChatRequest(String model, List<Message> messages, int max_tokens) {
    }

    private final LlmSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Semaphore slots;

    LlmClient(LlmSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrent()), true);
    }

    /** Whether an endpoint is configured; without one every call fails with {@link LlmException.NotConfigured}. */
    public boolean configured() {
        return settings.configured();
    }

    /**
     * The model's answer to {@code user} under the instructions {@code system}, trimmed.
     *
     * @throws LlmException
     *             with a short reason when every attempt failed or the reply is unusable
     */
    public String complete(String system, String user) {
        if (!configured()) {
            throw new LlmException.NotConfigured();
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while waiting for a free LLM slot");
        }
        try {
            return withRetries(body(system, user));
        } finally {
            slots.release();
        }
    }

    private String body(String system, String user) {
        try {
            return json.writeValueAsString(new ChatRequest(settings.model(),
                    List.of(new Message("system", system), new Message("user", user)), settings.maxTokens()));
        } catch (IOException e) {
            throw new LlmException("could not build the request");
        }
    }

    private String withRetries(String body) {
        int attempts = Math.max(1, settings.maxAttempts());
        long pause = settings.backoff().toMillis();
        String reason = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleep(pause);
                pause *= 2;
            }
            Attempt result = attempt(body);
            if (result.text != null) {
                return result.text;
            }
            reason = result.reason;
            if (!result.retryable) {
                break;
            }
            LOG.info("LLM attempt {}/{} failed: {}", attempt, attempts, reason);
        }
        throw new LlmException(reason);
    }

    private record Attempt(String text, String reason, boolean retryable) {
        static Attempt ok(String text) {
            return new Attempt(text, null, false);
        }

        static Attempt retry(String reason) {
            return new Attempt(null, reason, true);
        }

        static Attempt fail(String reason) {
            return new Attempt(null, reason, false);
        }
    }

    private Attempt attempt(String body) {
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl() : settings.baseUrl() + "/";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base).resolve("chat/completions"))
                .timeout(settings.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return Attempt.retry("the LLM did not answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return Attempt.retry("the LLM endpoint is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.fail("interrupted");
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            return Attempt.retry("the LLM endpoint answered HTTP " + status);
        }
        if (status != 200) {
            return Attempt.fail("the LLM endpoint refused the request with HTTP " + status);
        }
        String text = content(response.body());
        return text == null ? Attempt.fail("the LLM endpoint sent a malformed reply") : Attempt.ok(text);
    }

    /** {@code choices[0].message.content}, trimmed; null when the reply does not have it. */
    private String content(String body) {
        try {
            Map<String, Object> reply = json.readValue(body, Argument.mapOf(String.class, Object.class));
            if (reply != null && reply.get("choices") instanceof List<?> choices && !choices.isEmpty()
                    && choices.get(0) instanceof Map<?, ?> choice && choice.get("message") instanceof Map<?, ?> message
                    && message.get("content") instanceof String content && !content.isBlank()) {
                String text = content.strip();
                return text.length() > MAX_REPLY_CHARS ? text.substring(0, MAX_REPLY_CHARS) : text;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted");
        }
    }
}
