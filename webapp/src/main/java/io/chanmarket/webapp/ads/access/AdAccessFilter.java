package io.chanmarket.webapp.ads.access;

import io.chanmarket.admin.auth.SignIn;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.core.ads.apikeys.AdvertiserApiKeys;
import io.chanmarket.webapp.ads.AdApiErrors;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may call which ad API route: reads the caller from the request ({@code X-Api-Key} or
 * {@code Authorization: Bearer}: the operator key or an advertiser's key; else an admin's session cookie) and checks it
 * against the route's {@link AdAccess}. 401 without (or with unknown) credentials, 403 with the wrong ones. Routes
 * without {@link AdAccess} are not the ad API's and pass untouched. Key lookups run on the blocking executor; a request
 * that needs none (open contract paths, the operator key) is decided on the event loop.
 */
@ServerFilter(patterns = "/(advertisers|clients|time|stats|moderation|reports|ad_images)(/.*)?|/ml-scores|/report", patternStyle = FilterPatternStyle.REGEX)
class AdAccessFilter {

    static final String KEY_HEADER = "X-Api-Key";
    private static final String ADMIN_COOKIE = "cm_admin_session";

    private final AdApiAuth auth;
    private final AdvertiserApiKeys keys;
    private final BeanProvider<SignIn> signIn;
    private final CallerLimits limits;

    AdAccessFilter(AdApiAuth auth, AdvertiserApiKeys keys, BeanProvider<SignIn> signIn, CallerLimits limits) {
        this.auth = auth;
        this.limits = limits;
        this.keys = keys;
        this.signIn = signIn;
    }

    /** Key lookups read the database: this filter runs on the blocking executor (its routes do too). */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> filter(HttpRequest<?> request) {
        HttpResponse<?> refused = decide(request, true);
        return refused != null ? refused : limits.check(request);
    }

    /**
     * Serving and clicks ({@code /ads}, the hot path) are decided on the event loop: only the operator key (or mode
     * {@code open}) opens them, which needs no database; any other credential gets 401 there.
     */
    @ServerFilter(patterns = "/ads(/.*)?", patternStyle = FilterPatternStyle.REGEX)
    static class Serving {

        private final AdAccessFilter access;

        Serving(AdAccessFilter access) {
            this.access = access;
        }

        @RequestFilter
        @Nullable
        HttpResponse<?> filter(HttpRequest<?> request) {
            return access.decide(request, false);
        }
    }

    /** Null to let the request through, else the refusal. */
    @Nullable
    HttpResponse<?> decide(HttpRequest<?> request, boolean mayBlock) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        AnnotationMetadata metadata = route.isEmpty() ? AnnotationMetadata.EMPTY_METADATA
                : route.get().getAnnotationMetadata();
        if (!metadata.hasAnnotation(AdAccess.class)) {
            return null;
        }
        AdAccess.Need need = metadata.enumValue(AdAccess.class, AdAccess.Need.class).orElse(AdAccess.Need.OPERATOR);
        boolean contract = metadata.booleanValue(AdAccess.class, "contract").orElse(true);
        String key = presentedKey(request);
        String cookie = request.getCookies().findCookie(ADMIN_COOKIE).map(Cookie::getValue).orElse(null);
        if (key == null && cookie == null) {
            request.setAttribute(AdCaller.ATTRIBUTE, new AdCaller.Anonymous());
            boolean free = need == AdAccess.Need.ANYONE || (contract && auth.mode() == AdApiAuth.Mode.OPEN);
            return free ? null : unauthorized();
        }
        if (key != null && auth.isOperatorKey(key)) {
            request.setAttribute(AdCaller.ATTRIBUTE, new AdCaller.Operator());
            return null;
        }
        if (!mayBlock) {
            return unauthorized();
        }
        Object advertiserId = route.get().getVariableValues().get("advertiserId");
        Optional<AdCaller> caller = key != null ? keys.advertiserOf(key).map(AdCaller.Advertiser::new) : admin(cookie);
        if (caller.isEmpty()) {
            return unauthorized();
        }
        request.setAttribute(AdCaller.ATTRIBUTE, caller.get());
        return allowed(caller.get(), need, advertiserId) ? null : forbidden();
    }

    private static boolean allowed(AdCaller caller, AdAccess.Need need, @Nullable Object advertiserId) {
        if (need == AdAccess.Need.ANYONE || caller.operator()) {
            return true;
        }
        return need == AdAccess.Need.ADVERTISER && caller instanceof AdCaller.Advertiser advertiser
                && advertiserId != null && sameId(advertiser.advertiserId(), advertiserId.toString());
    }

    private static boolean sameId(UUID id, String pathValue) {
        try {
            return id.equals(UUID.fromString(pathValue.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<AdCaller> admin(String cookie) {
        if (!signIn.isPresent()) {
            return Optional.empty();
        }
        return signIn.get().resume(cookie).filter(p -> p.role() == Role.ADMIN).map(AdminPrincipal::username)
                .map(AdCaller.Admin::new);
    }

    /** The key from {@code X-Api-Key} or {@code Authorization: Bearer ...}; null when there is none. */
    static @Nullable String presentedKey(HttpRequest<?> request) {
        String key = request.getHeaders().get(KEY_HEADER);
        if (key == null) {
            String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = authorization.substring(7);
            }
        }
        return key == null || key.isBlank() ? null : key.strip();
    }

    private static HttpResponse<?> unauthorized() {
        return AdApiErrors
                .error(HttpStatus.UNAUTHORIZED,
                        "this path needs an API key (header X-Api-Key or Authorization: Bearer); "
                                + "unknown or revoked keys are refused")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ad-api\"");
    }

    private static HttpResponse<?> forbidden() {
        return AdApiErrors.error(HttpStatus.FORBIDDEN, "this key may not use this path");
    }
}
