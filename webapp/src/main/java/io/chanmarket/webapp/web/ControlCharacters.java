package io.chanmarket.webapp.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import java.util.Map;

/**
 * A NUL byte in a request's path or query ({@code %00}) is refused with 400 before any handler runs, on every path:
 * PostgreSQL cannot store or compare text with NUL, so such a value would otherwise end as a 5xx (an ad API 503 that
 * reads like an outage, a Mini App or admin 500). Runs on the event loop: it only looks at the request line. JSON
 * bodies are checked by {@code StrictJsonFilter}, admin forms by the admin's access filter, Telegram names are cleaned
 * where initData is read.
 */
@ServerFilter(patterns = FilterPaths.ALL, patternStyle = FilterPatternStyle.REGEX)
@Order(-100)
class ControlCharacters {

    static final String MESSAGE = "a path or query value holds a NUL character (%00), which no text may hold";

    @RequestFilter
    @Nullable
    HttpResponse<?> filter(HttpRequest<?> request) {
        java.net.URI uri = request.getUri();
        String query = uri.getRawQuery();
        if (!uri.getRawPath().contains("%00") && (query == null || !query.contains("%00"))) {
            return null;
        }
        if (request.getPath().startsWith("/app") || request.getPath().startsWith("/admin")) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN_TYPE).body(MESSAGE);
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("status", 400, "error", "Bad Request", "message", MESSAGE));
    }
}
