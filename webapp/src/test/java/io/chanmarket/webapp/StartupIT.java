package io.chanmarket.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanmarket.core.platform.config.ConfigurationProblem;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up: embedded defaults that keep their data, and one clear line for bad settings. */
class StartupIT {

    @Test
    void embeddedDefaultsStartAndASecondStartReusesTheData(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pg");
        Map<String, Object> props = Map.of("micronaut.server.port", "-1", "app.database.embedded.data-dir",
                dataDir.toString());
        try (Application.Running first = Application.start(new String[0], props)) {
            assertThat(first.embeddedDatabase()).isPresent();
            assertThat(health(first)).isEqualTo(200);
            try (Connection c = connect(first)) {
                c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')");
            }
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
        try (Application.Running second = Application.start(new String[0], props)) {
            try (Connection c = connect(second);
                    ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        }
    }

    private static Connection connect(Application.Running app) throws Exception {
        return DriverManager.getConnection(app.context().getRequiredProperty("datasources.default.url", String.class),
                "postgres", "");
    }

    private static int health(Application.Running app) throws Exception {
        URI base = app.context().getBean(EmbeddedServer.class).getURI();
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aMalformedDatabaseUrlFailsNamingTheSetting() {
        assertThatThrownBy(
                () -> Application.start(new String[0], Map.of("datasources.default.url", "postgres:/nowhere")))
                        .isInstanceOf(ConfigurationProblem.class)
                        .hasMessageStartingWith("datasources.default.url (DATASOURCES_DEFAULT_URL)");
    }

    @Test
    void aBadRedisUriFailsNamingTheSetting() {
        assertThatThrownBy(() -> Application.start(new String[0], Map.of("redis.uri", "localhost:6379")))
                .isInstanceOf(ConfigurationProblem.class).hasMessageStartingWith("redis.uri (REDIS_URI)");
    }

    @Test
    void anInvalidPortFailsNamingTheSetting() {
        assertThatThrownBy(() -> Application.start(new String[0], Map.of("micronaut.server.port", "99999")))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("micronaut.server.port (MICRONAUT_SERVER_PORT)");
    }

    @Test
    void anUnreachableDatabaseIsRetriedForTheConfiguredTimeThenFails() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Application.start(new String[0],
                Map.of("datasources.default.url", "jdbc:postgresql://127.0.0.1:1/app", "app.database.connect-timeout",
                        "2s"))).isInstanceOf(ConfigurationProblem.class)
                                .hasMessageContaining("database not reachable after 2 s");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_000L, 15_000L);
    }
}
