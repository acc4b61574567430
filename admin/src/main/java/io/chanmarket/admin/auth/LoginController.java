package io.chanmarket.admin.auth;

import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.PublicRoute;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.core.platform.net.ClientAddress;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;

/** Sign-in, sign-out and the language switch. */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
class LoginController {

    private final SignIn signIn;
    private final AdminPages pages;
    private final String addressHeader;

    LoginController(SignIn signIn, AdminPages pages,
            @Value("${app.admin.sign-in.address-header:}") String addressHeader) {
        this.signIn = signIn;
        this.pages = pages;
        this.addressHeader = addressHeader == null ? "" : addressHeader.strip();
    }

    /**
     * The client's address: with {@code app.admin.sign-in.address-header} set (behind a proxy), the last entry of that
     * header (the one our proxy added; earlier ones come from the client and are not trusted); else the socket's.
     */
    String clientAddress(HttpRequest<?> request) {
        return ClientAddress.lastEntry(addressHeader.isEmpty() ? null : request.getHeaders().get(addressHeader))
                .orElseGet(() -> request.getRemoteAddress().getAddress().getHostAddress());
    }

    @Serdeable
    record LoginForm(@Nullable String username, @Nullable String password) {
    }

    @Introspected
    record LoginPage(PageContext ctx, String username, @Nullable String error) {
    }

    @PublicRoute
    @Get("/login")
    ModelAndView<LoginPage> form(HttpRequest<?> request) {
        return new ModelAndView<>("admin/login", new LoginPage(pages.context(request), "", null));
    }

    @PublicRoute
    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body LoginForm form) {
        String ip = clientAddress(request);
        SignIn.Result result = signIn.signIn(form.username(), form.password(), ip);
        String username = form.username() == null ? "" : form.username();
        if (result instanceof SignIn.Success success) {
            return HttpResponse.seeOther(URI.create("/admin"))
                    .cookie(AccessFilter.sessionCookie(request, success.token(), success.maxAge().toSeconds()));
        }
        if (result instanceof SignIn.Throttled throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(seconds))
                    .body(new ModelAndView<>("admin/login", new LoginPage(pages.context(request), username,
                            pages.context(request).t("login.throttled", seconds))));
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("admin/login",
                new LoginPage(pages.context(request), username, pages.context(request).t("login.bad-credentials"))));
    }

    /** Any signed-in role may sign out. */
    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Post("/logout")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL })
    HttpResponse<?> signOut(HttpRequest<?> request, @Nullable @CookieValue(AccessFilter.SESSION_COOKIE) String token) {
        signIn.signOut(token);
        return HttpResponse.seeOther(URI.create("/admin/login")).cookie(AccessFilter.sessionCookie(request, "", 0));
    }

    @PublicRoute
    @Get("/lang/{language}")
    HttpResponse<?> language(@PathVariable String language) {
        String lang = "en".equals(language) ? "en" : "ru";
        return HttpResponse.seeOther(URI.create("/admin")).cookie(Cookie
                .of(io.chanmarket.admin.web.Messages.LANGUAGE_COOKIE, lang).path("/admin").maxAge(365L * 24 * 3600));
    }
}
