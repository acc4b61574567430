package io.chanmarket.core.ads.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the OpenAI-compatible chat-completions endpoint ({@code app.ads.llm.*}). Without a base URL and a model
 * the LLM features are off.
 *
 * @param baseUrl
 *            the API base, e.g. {@code https://api.openai.com/v1}; {@code /chat/completions} is appended
 * @param model
 *            the model name sent with every request
 * @param apiKey
 *            sent as {@code Authorization: Bearer <key>} when set
 * @param timeout
 *            whole-reply timeout of one attempt
 * @param maxAttempts
 *            attempts per completion (a 429, a 5xx, a timeout or a network failure is retried)
 * @param backoff
 *            pause after the first failed attempt; doubles per further failure
 * @param maxConcurrent
 *            completions in flight at once on this node; more wait for a free slot
 * @param maxTokens
 *            {@code max_tokens} of every request
 */
@ConfigurationProperties("app.ads.llm")
public record LlmSettings(@Nullable String baseUrl, @Nullable String model, @Nullable String apiKey,
        @Bindable(defaultValue = "30s") Duration timeout, @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "1s") Duration backoff, @Bindable(defaultValue = "4") int maxConcurrent,
        @Bindable(defaultValue = "300") int maxTokens) {

    /** Whether an endpoint is configured. */
    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
    }

    /**
     * How long work waiting on one completion may legitimately stay pending: every attempt timing out, every backoff,
     * queueing (twice that, plus a minute). Pending work older than this was left by a node that stopped.
     */
    public Duration abandonAfter() {
        int attempts = Math.max(1, maxAttempts);
        Duration backoffs = backoff.multipliedBy((1L << Math.min(attempts, 20)) - 1);
        return timeout.multipliedBy(attempts).plus(backoffs).multipliedBy(2).plusMinutes(1);
    }
}
