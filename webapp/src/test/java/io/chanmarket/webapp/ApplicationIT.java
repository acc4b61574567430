package io.chanmarket.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestInfrastructure;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The assembled application over real HTTP, on this run's PostgreSQL and Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationIT {

    private Application.Running app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties());
        props.put("micronaut.server.port", "-1");
        app = Application.start(new String[0], props);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI base = app.context().getBean(EmbeddedServer.class).getURI();
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithTheDatabase() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        // anonymous callers see UP or DOWN only: no JDBC URL (issue 14)
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void prometheusExposesJvmAndHttpMetrics() throws Exception {
        get("/health");
        HttpResponse<String> metrics = get("/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
    }

    @Test
    void docsOpenSwaggerUiOverTheGeneratedDocument() throws Exception {
        HttpResponse<String> docs = get("/docs");
        assertThat(docs.statusCode()).isEqualTo(303);
        String ui = docs.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = get(ui);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger");
        HttpResponse<String> spec = get("/swagger/chanmarket-0.1.yml");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi:").contains("title: chanmarket");
    }

    @Test
    void unknownPathsAnswer404() throws Exception {
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
    }
}
