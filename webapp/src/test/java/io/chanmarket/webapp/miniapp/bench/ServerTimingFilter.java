package io.chanmarket.webapp.miniapp.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Benchmark only (enabled by {@code bench.server-timing=true}): the outermost filter on {@code /app/**} adds
 * {@code Server-Timing: app;dur=<ms>} with the time from the request entering the filter chain until the body is
 * rendered. Views render lazily when Netty writes the body, so a rendered-later body is rendered here, inside the
 * measurement. Not measured: HTTP parsing before the filter chain, compression and the socket write.
 */
@Filter("/app/**")
@Requires(property = "bench.server-timing", value = "true")
class ServerTimingFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long start = System.nanoTime();
        return Flux.from(chain.proceed(request)).map(response -> {
            if (response.body() instanceof Writable writable) {
                StringWriter out = new StringWriter(8192);
                try {
                    writable.writeTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                @SuppressWarnings("unchecked")
                MutableHttpResponse<Object> rendered = (MutableHttpResponse<Object>) response;
                rendered.body(out.toString());
            }
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            response.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.3f", millis));
            return response;
        });
    }
}
