package io.chanmarket.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.ads.bench.BenchNode;
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

/** The admin panel inside the assembled application: its pages, htmx from the webjar, the first admin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPanelIT {

    /** A database of its own: the first admin is created only where no admin exists yet. */
    private BenchNode app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("app.admin.bcrypt-cost", "4");
        props.put("app.admin.bootstrap.username", "owner");
        props.put("app.admin.bootstrap.password", "owner-password-1");
        app = new BenchNode(System.getenv("TEST_DATABASE_URL"), System.getenv("TEST_DATABASE_USER"),
                TestInfrastructure.redisUri().orElse(null), props);
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return app.uri().resolve(path);
    }

    @Test
    void theSignInPageLoadsHtmxFromTheWebjar() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/admin/login")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("/webjars/htmx.org/2.0.10/dist/htmx.min.js");
        assertThat(send(HttpRequest.newBuilder(uri("/webjars/htmx.org/2.0.10/dist/htmx.min.js"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theConfiguredFirstAdminSignsInAndSeesTheCatalog() throws Exception {
        HttpResponse<String> signIn = send(
                HttpRequest.newBuilder(uri("/admin/login")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=owner&password=owner-password-1")));
        assertThat(signIn.statusCode()).isEqualTo(303);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> channels = send(HttpRequest.newBuilder(uri("/admin/channels")).header("Cookie", cookie));
        assertThat(channels.statusCode()).isEqualTo(200);
        assertThat(channels.body()).contains("channels-table");
    }
}
