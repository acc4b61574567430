package io.chanmarket.admin.auth;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.PublicRoute;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminViews;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Guards {@code /admin/**}: resumes the session from its cookie, checks the route's {@link Allowed} roles (routes
 * without it are for admins only, {@link PublicRoute}s for everybody) and, on every state-changing request, the
 * session's CSRF token ({@code X-CSRF-Token} header, the {@code _csrf} form field, or for multipart uploads the
 * {@code _csrf} query value). An account that must change its generated password is sent to {@code /admin/password}
 * until it has.
 */
// a regular expression, not an Ant pattern: Ant matching splits the path into tokens on every request
@ServerFilter(patterns = "/admin(/.*)?", patternStyle = FilterPatternStyle.REGEX)
@Requires(property = "app.roles.admin", notEquals = "false")
class AccessFilter {

    static final String SESSION_COOKIE = "cm_admin_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SignIn signIn;
    private final AdminPages pages;
    private final AdminViews views;
    private final FilterBodyParser bodyParser;

    AccessFilter(SignIn signIn, AdminPages pages, AdminViews views, FilterBodyParser bodyParser) {
        this.signIn = signIn;
        this.pages = pages;
        this.views = views;
        this.bodyParser = bodyParser;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> filter(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return null; // unknown path: the router answers 404
        }
        AnnotationMetadata metadata = route.get().getAnnotationMetadata();
        if (metadata.hasAnnotation(PublicRoute.class)) {
            return null;
        }
        Optional<AdminPrincipal> principal = request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue)
                .flatMap(signIn::resume);
        if (principal.isEmpty()) {
            return unauthenticated(request);
        }
        request.setAttribute(AdminPrincipal.ATTRIBUTE, principal.get());
        if (principal.get().mustChangePassword() && !PasswordController.PATH.equals(request.getPath())
                && !"/admin/logout".equals(request.getPath())) {
            // A generated password (the first admin): nothing else until the account has chosen its own.
            if (AdminPages.isHtmx(request)) {
                return HttpResponse.status(HttpStatus.FORBIDDEN).header("HX-Redirect", PasswordController.PATH);
            }
            return HttpResponse.seeOther(URI.create(PasswordController.PATH));
        }
        Role[] allowed = metadata.enumValues(Allowed.class, Role.class);
        if (!principal.get().hasAny(allowed)) {
            return views.error(pages.context(request), HttpStatus.FORBIDDEN, "error.forbidden");
        }
        if (!SAFE.contains(request.getMethod()) && !csrfMatches(request, principal.get().csrfToken())) {
            return views.error(pages.context(request), HttpStatus.FORBIDDEN, "error.csrf");
        }
        if (!SAFE.contains(request.getMethod()) && MediaType.APPLICATION_FORM_URLENCODED_TYPE
                .matches(request.getContentType().orElse(MediaType.TEXT_PLAIN_TYPE)) && !cleanForm(request)) {
            // PostgreSQL cannot store text with NUL: refused here, for every form, instead of a 500 from the database
            return views.error(pages.context(request), HttpStatus.BAD_REQUEST, "error.control-character");
        }
        return null;
    }

    /** Whether no value of the form holds a NUL character. */
    private boolean cleanForm(HttpRequest<?> request) {
        Map<String, Object> form = parsedForm(request);
        for (Map.Entry<String, Object> field : form.entrySet()) {
            Iterable<?> values = field.getValue() instanceof Iterable<?> many ? many
                    : java.util.Collections.singletonList(field.getValue());
            for (Object value : values) {
                if (field.getKey().indexOf('\0') >= 0 || value != null && value.toString().indexOf('\0') >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private Map<String, Object> parsedForm(HttpRequest<?> request) {
        try {
            return bodyParser.parseBody(request).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** The session cookie; Secure when the request came over HTTPS, directly or behind a proxy. */
    static Cookie sessionCookie(HttpRequest<?> request, String value, long maxAgeSeconds) {
        boolean https = request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        return Cookie.of(SESSION_COOKIE, value).path("/admin").httpOnly(true)
                .sameSite(io.micronaut.http.cookie.SameSite.Lax).secure(https).maxAge(maxAgeSeconds);
    }

    private HttpResponse<?> unauthenticated(HttpRequest<?> request) {
        if (AdminPages.isHtmx(request)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", "/admin/login");
        }
        if (request.getMethod() == HttpMethod.GET) {
            return HttpResponse.seeOther(URI.create("/admin/login"));
        }
        return views.error(pages.context(request), HttpStatus.UNAUTHORIZED, "error.signed-out");
    }

    private boolean csrfMatches(HttpRequest<?> request, String expected) {
        String given = request.getHeaders().get(CSRF_HEADER);
        if (given == null) {
            MediaType type = request.getContentType().orElse(MediaType.TEXT_PLAIN_TYPE);
            if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.matches(type)) {
                given = formField(request);
            } else if (MediaType.MULTIPART_FORM_DATA_TYPE.matches(type)) {
                given = request.getParameters().get(CSRF_FIELD);
            }
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private String formField(HttpRequest<?> request) {
        Object value = parsedForm(request).get(CSRF_FIELD);
        if (value instanceof Iterable<?> values) {
            value = values.iterator().hasNext() ? values.iterator().next() : null;
        }
        return value == null ? null : value.toString();
    }
}
