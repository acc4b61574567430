package io.chanmarket.webapp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.webapp.Application;
import io.chanmarket.webapp.ads.AdEngineFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CORS: only the configured origins may call the API from their pages; none by default. */
class CorsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> preflight(URI base, String origin) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve("/ads?client_id=x")).header("Origin", origin)
                        .header("Access-Control-Request-Method", "GET")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyTheConfiguredOriginsPassThePreflight() throws Exception {
        try (Application.Running app = AdEngineFixture.startNode(
                Map.of("app.cors.allowed-origins", "https://ads.example.org, https://partner.example.net"))) {
            URI base = app.context().getBean(EmbeddedServer.class).getURI();
            HttpResponse<String> allowed = preflight(base, "https://partner.example.net");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("https://partner.example.net");
            assertThat(preflight(base, "https://evil.example").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void withoutTheSettingNoOriginIsAllowed() throws Exception {
        try (Application.Running app = AdEngineFixture.startNode(Map.of())) {
            URI base = app.context().getBean(EmbeddedServer.class).getURI();
            HttpResponse<String> refused = preflight(base, "https://ads.example.org");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        }
    }
}
