package io.chanmarket.webapp.ads.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/**
 * The trivial endpoint the load bench measures beside {@code GET /ads} in the same run: what the HTTP stack alone costs
 * on this machine at that moment. Only in test sources, and only on with {@code app.ads.bench-endpoint=true}.
 */
@Controller("/bench/noop")
@Requires(property = "app.ads.bench-endpoint", value = "true")
class NoopController {

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    String noop() {
        return "{\"ok\":true}";
    }
}
