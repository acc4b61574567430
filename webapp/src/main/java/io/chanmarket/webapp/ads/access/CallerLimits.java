package io.chanmarket.webapp.ads.access;

import io.chanmarket.core.platform.net.ClientAddress;
import io.chanmarket.core.platform.shared.RateWindows;
import io.chanmarket.webapp.ads.AdApiErrors;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-caller rate limits on the additions that cost something per call: filing a report ({@code POST /report}, open to
 * anyone, so limited per client address) and generating ad texts ({@code POST /advertisers/{id}/ad-texts}, a paid LLM
 * call, limited per advertiser). The operator and admins are not limited. Windows of one minute, shared by all nodes
 * through Redis when it is configured; past the limit the answer is 429 with {@code Retry-After}. With Redis away the
 * limit is skipped (the request goes on) rather than refusing everyone. {@link AdAccessFilter} asks it once the caller
 * is known and let through.
 */
@Singleton
class CallerLimits {

    private static final Logger LOG = LoggerFactory.getLogger(CallerLimits.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Pattern TEXTS = Pattern.compile("/advertisers/[^/]+/ad-texts/?");

    private final RateWindows windows;
    private final int reportsPerMinute;
    private final int textsPerMinute;
    private final String addressHeader;

    CallerLimits(RateWindows windows, @Value("${app.ads.limits.reports-per-minute:10}") int reportsPerMinute,
            @Value("${app.ads.limits.texts-per-minute:20}") int textsPerMinute,
            @Nullable @Value("${app.ads.limits.address-header:}") String addressHeader) {
        this.windows = windows;
        this.reportsPerMinute = reportsPerMinute;
        this.textsPerMinute = textsPerMinute;
        this.addressHeader = addressHeader == null ? "" : addressHeader.strip();
    }

    /** Null to let the request through, else the 429. Blocks (a Redis call): only on the blocking executor. */
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        boolean limited = request.getMethod() == HttpMethod.POST
                && (request.getPath().equals("/report") || TEXTS.matcher(request.getPath()).matches());
        if (!limited) {
            return null;
        }
        String caller = callerKey(request);
        if (caller == null) {
            return null;
        }
        boolean report = request.getPath().equals("/report");
        String kind = report ? "reports" : "ad-texts";
        int limit = report ? reportsPerMinute : textsPerMinute;
        long wait;
        try {
            wait = windows.take(kind + ":" + caller, limit, WINDOW);
        } catch (RuntimeException e) {
            LOG.warn("Rate limit of {} not checked (shared counters unavailable): {}", kind, e.toString());
            return null;
        }
        if (wait == 0) {
            return null;
        }
        return AdApiErrors
                .error(HttpStatus.TOO_MANY_REQUESTS,
                        "at most " + limit + " " + (report ? "reports" : "text generations") + " a minute from one "
                                + (report ? "client address" : "advertiser") + "; try again in " + wait + " s")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(wait));
    }

    /** Who is limited: an advertiser by id, anyone else by address; null for the operator and admins. */
    @Nullable
    private String callerKey(HttpRequest<?> request) {
        AdCaller caller = request.getAttribute(AdCaller.ATTRIBUTE, AdCaller.class).orElse(new AdCaller.Anonymous());
        if (caller instanceof AdCaller.Operator || caller instanceof AdCaller.Admin) {
            return null;
        }
        if (caller instanceof AdCaller.Advertiser advertiser) {
            return "advertiser:" + advertiser.advertiserId();
        }
        return "address:" + address(request);
    }

    /**
     * With {@code app.ads.limits.address-header} set (behind a proxy), the last entry of that header (the one our proxy
     * added); else the socket's address.
     */
    private String address(HttpRequest<?> request) {
        return ClientAddress.lastEntry(addressHeader.isEmpty() ? null : request.getHeaders().get(addressHeader))
                .orElseGet(() -> request.getRemoteAddress().getAddress().getHostAddress());
    }
}
