package io.chanmarket.parsers.telemetr;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Telemetr ({@code app.parsers.telemetr.*}): off by default, because its layout is known only from third-party
 * scrapers, not from a stored page.
 */
@ConfigurationProperties("app.parsers.telemetr")
record TelemetrSettings(@Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "https://telemetr.me") String baseUrl) {
}
