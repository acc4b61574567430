package io.chanmarket.webapp.json;

import io.chanmarket.webapp.ads.AdApiErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Strict JSON at one place for every JSON body of the ad API: before Micronaut binds a body to its record, this filter
 * reads the same bytes into the same type with the {@link StrictJsonMapper} (no coercion, no duplicated key, no null
 * element, no NUL or unpaired surrogate); a refusal is a 400 whose message names the field, and the handler never runs.
 * Bodies that pass are bound by the framework as before, so what a valid request does is unchanged. Requests without a
 * JSON body, and handlers that take the raw body ({@code String}, {@code byte[]}), are not touched.
 */
@ServerFilter(patterns = "/(advertisers|clients|time|moderation|ads)(/.*)?|/ml-scores|/report", patternStyle = FilterPatternStyle.REGEX)
@Order(10)
class StrictJsonFilter {

    private final StrictJsonMapper mapper;

    StrictJsonFilter(SerdeRegistry registry, SerdeConfiguration configuration,
            SerdeJacksonConfiguration jacksonConfiguration) {
        this.mapper = new StrictJsonMapper(registry, configuration, jacksonConfiguration);
    }

    /** After the access decision (a refused caller's body is never parsed); on the blocking executor, like the API. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> filter(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (body == null || body.length == 0 || !isJson(request)) {
            return null;
        }
        Optional<Argument<?>> target = bodyArgument(request);
        if (target.isEmpty()) {
            return null;
        }
        try {
            mapper.readValue(body, target.get());
            return null;
        } catch (IOException e) {
            return AdApiErrors.error(HttpStatus.BAD_REQUEST, "invalid JSON body, " + e.getMessage());
        }
    }

    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType().map(MediaType::getSubtype)
                .map(subtype -> subtype.equals("json") || subtype.endsWith("+json")).orElse(false);
    }

    /** The handler's whole-body argument, when it is bound from JSON into a type of ours. */
    private static Optional<Argument<?>> bodyArgument(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).filter(MethodBasedRouteMatch.class::isInstance)
                .map(MethodBasedRouteMatch.class::cast)
                .flatMap(route -> Arrays.stream(route.getArguments()).map(a -> (Argument<?>) a)
                        .filter(a -> a.getAnnotationMetadata().hasAnnotation(Body.class))
                        .filter(a -> a.getAnnotationMetadata().stringValue(Body.class).isEmpty())
                        .filter(a -> !a.getType().equals(String.class) && !a.getType().equals(byte[].class))
                        .findFirst());
    }
}
