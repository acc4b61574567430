package io.chanmarket.webapp.docs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/** {@code /docs} opens Swagger UI over the OpenAPI document generated from the code. */
@Controller
@Hidden
class DocsController {

    @Get("/docs")
    HttpResponse<?> docs() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }
}
