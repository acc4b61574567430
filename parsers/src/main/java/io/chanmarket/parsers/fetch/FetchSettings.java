package io.chanmarket.parsers.fetch;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Politeness and limits of the fetcher ({@code app.parsers.fetch.*}); the same for every host.
 *
 * @param userAgent
 *            sent with every request; names us and a contact address
 * @param minDelay
 *            the least time between two requests to one host
 * @param jitter
 *            random extra on top of {@code minDelay}, as a fraction of it (0.5: up to 50% more)
 * @param backoffBase
 *            pause after the first 429/5xx/network failure on a host; doubles with each further failure in a row
 * @param backoffMax
 *            the longest such pause
 * @param maxRetries
 *            retries of one request after a 5xx or network failure (a 429 is never retried at once)
 * @param circuitFailures
 *            failures in a row on a host that open its circuit breaker
 * @param circuitOpenFor
 *            how long an open breaker refuses requests to the host without asking it
 * @param cacheTtl
 *            how long a good reply for a channel is reused instead of asking again
 * @param maxBodyBytes
 *            replies larger than this are refused
 * @param respectRobots
 *            read each host's robots.txt and skip what it disallows for us
 */
@ConfigurationProperties("app.parsers.fetch")
public record FetchSettings(
        @Bindable(defaultValue = "chanmarket-bot/1.0 (+mailto:parsers@chanmarket.io)") String userAgent,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration requestTimeout, @Bindable(defaultValue = "4s") Duration minDelay,
        @Bindable(defaultValue = "0.5") double jitter, @Bindable(defaultValue = "30s") Duration backoffBase,
        @Bindable(defaultValue = "30m") Duration backoffMax, @Bindable(defaultValue = "2") int maxRetries,
        @Bindable(defaultValue = "5") int circuitFailures, @Bindable(defaultValue = "1h") Duration circuitOpenFor,
        @Bindable(defaultValue = "24h") Duration cacheTtl, @Bindable(defaultValue = "5242880") int maxBodyBytes,
        @Bindable(defaultValue = "true") boolean respectRobots, @Bindable(defaultValue = "24h") Duration robotsTtl) {
}
