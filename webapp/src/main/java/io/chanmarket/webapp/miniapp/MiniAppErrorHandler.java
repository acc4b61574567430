package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.platform.db.DatabaseBusy;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import jakarta.inject.Singleton;

/**
 * The one place where Mini App failures become responses (a busy database, {@link MiniAppProblem.Busy}, included: 503
 * with {@code Retry-After}): JSON for {@code /api/miniapp}, HTML elsewhere (the partial for htmx, retargeted to the
 * view; a full page otherwise). A plain page load without initData is not a failure: it gets the shell, which then
 * loads the page with the initData Telegram gave it.
 */
@Singleton
@Produces
@Requires(classes = MiniAppProblem.class)
class MiniAppErrorHandler implements ExceptionHandler<MiniAppProblem, HttpResponse<?>> {

    /** The JSON error body. */
    @Serdeable
    record ApiError(String error, String message) {
    }

    private final ShellFactory shells;
    private final ViewsRendererLocator renderers;
    private final MiniAppSettings settings;

    MiniAppErrorHandler(ShellFactory shells, ViewsRendererLocator renderers, MiniAppSettings settings) {
        this.shells = shells;
        this.renderers = renderers;
        this.settings = settings;
    }

    /** Error responses bypass the views filter, so they are rendered here. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private String html(HttpRequest<?> request, String view, Object model) {
        ViewsRenderer renderer = renderers.resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new IllegalStateException("no renderer for " + view));
        StringWriter out = new StringWriter();
        try {
            renderer.render(view, model, request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, MiniAppProblem problem) {
        boolean api = request.getPath().startsWith("/api/");
        if (problem instanceof MiniAppProblem.NoInitData && !api && request.getMethod() == HttpMethod.GET
                && !Htmx.wantsPartial(request)) {
            Texts t = Texts.of(language(request));
            String shell = html(request, "miniapp/shell", new Views.Partial(shells.shell(t, false)));
            return Htmx.privateHtml(HttpResponse.ok(shell)).contentType(MediaType.TEXT_HTML_TYPE);
        }
        HttpStatus status;
        String titleKey;
        String messageKey;
        String link = null;
        String linkKey = null;
        if (problem instanceof MiniAppProblem.NoInitData) {
            // Opened outside Telegram (there never was a session): point to the bot, not "session expired".
            status = HttpStatus.UNAUTHORIZED;
            titleKey = "error.outside.title";
            messageKey = "error.outside.message";
            link = "https://t.me/" + settings.botUsername();
            linkKey = "error.outside.link";
        } else if (problem instanceof MiniAppProblem.BadInitData) {
            status = HttpStatus.UNAUTHORIZED;
            titleKey = "error.auth.title";
            messageKey = "error.auth.message";
        } else if (problem instanceof MiniAppProblem.Busy) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            titleKey = "error.busy.title";
            messageKey = "error.busy.message";
        } else if (problem instanceof MiniAppProblem.NotFound) {
            status = HttpStatus.NOT_FOUND;
            titleKey = "error.notfound.title";
            messageKey = "error.notfound.message";
        } else {
            status = HttpStatus.BAD_REQUEST;
            titleKey = "error.input.title";
            messageKey = "error.input.message";
        }
        if (api) {
            String message = status == HttpStatus.UNAUTHORIZED
                    ? "Valid Telegram initData is required: Authorization: tma <initData>" : problem.getMessage();
            return retryLater(problem,
                    HttpResponse.status(status).body(new ApiError(status.name().toLowerCase(), message)));
        }
        Texts t = Texts.of(language(request));
        Views.Notice notice = new Views.Notice(t, titleKey, messageKey, link, linkKey);
        String body = Htmx.wantsPartial(request) ? html(request, "miniapp/notice", new Views.Partial(notice))
                : html(request, "miniapp/page_notice", new Views.Page(shells.shell(t, true), notice));
        MutableHttpResponse<String> response = Htmx.privateHtml(HttpResponse.status(status).body(body))
                .contentType(MediaType.TEXT_HTML_TYPE);
        if (Htmx.wantsPartial(request)) {
            response.header("HX-Retarget", "#view").header("HX-Reswap", "innerHTML");
        }
        return retryLater(problem, response);
    }

    /** A busy database is worth a retry: 503 says when. */
    private static <T> MutableHttpResponse<T> retryLater(MiniAppProblem problem, MutableHttpResponse<T> response) {
        return problem instanceof MiniAppProblem.Busy
                ? response.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS)) : response;
    }

    private static String language(HttpRequest<?> request) {
        return request.getAttribute(MiniAppAuth.ATTRIBUTE, MiniAppUser.class).map(MiniAppUser::language)
                .orElseGet(() -> Texts.languageOf(request.getHeaders().findFirst("Accept-Language").orElse(null)));
    }
}
