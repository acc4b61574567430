package io.chanmarket.admin.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Renders the error page outside the views pipeline (from the access filter and the error handler), with the same
 * precompiled templates Micronaut Views uses.
 */
@Singleton
public class AdminViews {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public MutableHttpResponse<String> error(PageContext ctx, HttpStatus status, String messageKey) {
        StringOutput out = new StringOutput();
        engine.render("admin/error.jte", Map.of("ctx", ctx, "status", status.getCode(), "message", messageKey), out);
        return HttpResponse.<String> status(status).contentType(MediaType.TEXT_HTML_TYPE).body(out.toString());
    }
}
