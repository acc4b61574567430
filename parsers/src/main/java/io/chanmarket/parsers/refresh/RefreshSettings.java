package io.chanmarket.parsers.refresh;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * When channel numbers count as old ({@code app.parsers.refresh.*}).
 *
 * @param interval
 *            the schedule refreshes every channel whose TGStat values are older than this
 * @param onOpenMaxAge
 *            opening a channel whose values are older than this asks for a refresh
 * @param retryAfterFailure
 *            after a failed fetch, neither the schedule nor an opening asks for the channel again before this
 */
@ConfigurationProperties("app.parsers.refresh")
public record RefreshSettings(@Bindable(defaultValue = "24h") Duration interval,
        @Bindable(defaultValue = "24h") Duration onOpenMaxAge,
        @Bindable(defaultValue = "6h") Duration retryAfterFailure) {
}
