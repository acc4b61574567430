package io.chanmarket.webapp.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

/**
 * Security headers on every response: {@code X-Content-Type-Options: nosniff}, a {@code Referrer-Policy}, a
 * Content-Security-Policy whose {@code frame-ancestors} lets only Telegram's web clients frame the Mini App
 * ({@code /app}) and nobody frame anything else (the admin included, with {@code X-Frame-Options: DENY} for old
 * browsers), and HSTS when the request came over HTTPS (directly or as {@code X-Forwarded-Proto: https} from the
 * proxy).
 */
@ServerFilter(patterns = FilterPaths.ALL, patternStyle = FilterPatternStyle.REGEX)
class SecurityHeaders {

    /** Telegram's web clients (web.telegram.org/k and /a), the only pages that may frame the Mini App. */
    static final String MINI_APP_CSP = "frame-ancestors https://web.telegram.org https://*.telegram.org; "
            + "object-src 'none'; base-uri 'self'";
    static final String DEFAULT_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        if (!headers.contains("Referrer-Policy")) {
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        String path = request.getPath();
        boolean miniApp = path.equals("/app") || path.startsWith("/app/");
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", miniApp ? MINI_APP_CSP : DEFAULT_CSP);
        }
        if (!miniApp) {
            headers.set("X-Frame-Options", "DENY");
        }
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"))) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
