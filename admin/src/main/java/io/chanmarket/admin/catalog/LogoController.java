package io.chanmarket.admin.catalog;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Serves uploaded logos to everyone (the Mini App shows them), so it is not gated by the admin role. Names are content
 * hashes: responses are cacheable for a year and revalidate by ETag.
 */
@Controller(LogoStore.URL_PREFIX)
@ExecuteOn(TaskExecutors.BLOCKING)
class LogoController {

    private final LogoStore logos;

    LogoController(LogoStore logos) {
        this.logos = logos;
    }

    @Get("/{name}")
    HttpResponse<?> logo(HttpRequest<?> request, String name) {
        return logos.read(name).<HttpResponse<?>> map(logo -> {
            String etag = "\"" + logo.etag() + "\"";
            if (etag.equals(request.getHeaders().get("If-None-Match"))) {
                return HttpResponse.notModified().header("ETag", etag);
            }
            return HttpResponse.ok(logo.content()).contentType(MediaType.of(logo.mediaType())).header("ETag", etag)
                    .header("Cache-Control", "public, max-age=31536000, immutable")
                    .header("X-Content-Type-Options", "nosniff");
        }).orElseGet(HttpResponse::notFound);
    }
}
