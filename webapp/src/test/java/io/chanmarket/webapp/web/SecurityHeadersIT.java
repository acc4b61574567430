package io.chanmarket.webapp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.webapp.Application;
import io.chanmarket.webapp.ads.AdEngineFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Headers and other edges of the public surface (issue 14, finding 7): CSP frame-ancestors (the Mini App only inside
 * Telegram's web clients, the admin nowhere), nosniff, Referrer-Policy, HSTS behind HTTPS, a health answer without
 * details, idle connections closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersIT {

    private Application.Running app;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        app = AdEngineFixture.startNode(Map.of("micronaut.server.idle-timeout", "2s"));
        base = app.context().getBean(EmbeddedServer.class).getURI();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdminMayNotBeFramedTheMiniAppOnlyByTelegram() throws Exception {
        HttpResponse<String> admin = get("/admin/login");
        assertThat(admin.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(admin.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(admin.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(admin.headers().firstValue("Referrer-Policy")).isPresent();
        HttpResponse<String> miniApp = get("/app");
        assertThat(miniApp.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors https://web.telegram.org").doesNotContain("frame-ancestors 'none'"));
        assertThat(miniApp.headers().firstValue("X-Frame-Options")).isEmpty();
        HttpResponse<String> api = get("/clients/00000000-0000-0000-0000-000000000000");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void hstsOnlyBehindHttps() throws Exception {
        assertThat(get("/admin/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(get("/admin/login", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    }

    @Test
    void anonymousHealthSaysOnlyUpOrDown() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}").doesNotContain("jdbc");
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            assertThat(in.read()).isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_000L, 9_000L);
        }
    }
}
