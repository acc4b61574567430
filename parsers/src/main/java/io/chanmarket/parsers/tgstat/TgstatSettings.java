package io.chanmarket.parsers.tgstat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where TGStat lives ({@code app.parsers.tgstat.*}).
 *
 * @param apiToken
 *            a TGStat API token; when set, the API is used instead of the HTML pages
 */
@ConfigurationProperties("app.parsers.tgstat")
public record TgstatSettings(@Bindable(defaultValue = "https://tgstat.ru") String baseUrl,
        @Bindable(defaultValue = "https://api.tgstat.ru") String apiUrl, @Nullable String apiToken) {

    public boolean apiEnabled() {
        return apiToken != null && !apiToken.isBlank();
    }
}
