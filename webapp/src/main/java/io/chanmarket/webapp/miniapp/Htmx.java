package io.chanmarket.webapp.miniapp;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

/** htmx request headers and the partial-or-full-page choice. */
final class Htmx {

    private Htmx() {
    }

    /**
     * An htmx request, which swaps a partial. History restores count too: the page's history element is the view, so
     * htmx swaps the answer into it just like a navigation.
     */
    static boolean wantsPartial(HttpRequest<?> request) {
        return "true".equals(request.getHeaders().get("HX-Request"))
                || "true".equals(request.getHeaders().get("HX-History-Restore-Request"));
    }

    /** The partial {@code name} for htmx, else the full page {@code page_<name>} around it. */
    static MutableHttpResponse<?> render(HttpRequest<?> request, Views.Shell shell, String name, Object view) {
        ModelAndView<?> body = wantsPartial(request) ? new ModelAndView<>("miniapp/" + name, new Views.Partial(view))
                : new ModelAndView<>("miniapp/page_" + name, new Views.Page(shell, view));
        return privateHtml(HttpResponse.ok(body));
    }

    static <T> MutableHttpResponse<T> privateHtml(MutableHttpResponse<T> response) {
        return response.header("Vary", "HX-Request, Authorization").header("Cache-Control", "private, no-store");
    }
}
