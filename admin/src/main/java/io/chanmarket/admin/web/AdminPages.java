package io.chanmarket.admin.web;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** Builds the {@link PageContext} of a request. */
@Singleton
public class AdminPages {

    private final Messages messages;
    private final java.time.ZoneId zone;

    AdminPages(Messages messages, io.chanmarket.core.analytics.AnalyticsSettings analytics) {
        this.messages = messages;
        this.zone = analytics.timeZone();
    }

    public PageContext context(HttpRequest<?> request) {
        AdminPrincipal user = request.getAttribute(AdminPrincipal.ATTRIBUTE, AdminPrincipal.class).orElse(null);
        return new PageContext(messages.forRequest(request), user, zone);
    }

    /** Whether htmx sent the request (then only a partial is rendered). */
    public static boolean isHtmx(HttpRequest<?> request) {
        return "true".equals(request.getHeaders().get("HX-Request"));
    }
}
