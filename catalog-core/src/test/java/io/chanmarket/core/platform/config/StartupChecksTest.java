package io.chanmarket.core.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartupChecksTest {

    @Test
    void acceptsAPostgresUrl() {
        StartupChecks.checkDatasourceUrl("jdbc:postgresql://db:5432/app?sslmode=disable");
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgres://db/app", "jdbc:mysql://db/app", "jdbc:postgresql://db:notaport/app", " " })
    void rejectsAMalformedDatasourceUrlNamingTheSetting(String url) {
        assertThatThrownBy(() -> StartupChecks.checkDatasourceUrl(url)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("datasources.default.url (DATASOURCES_DEFAULT_URL): ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void neverPrintsAPassword() {
        assertThatThrownBy(() -> StartupChecks.checkDatasourceUrl("jdbc:mysql://db/app?user=u&password=s3cret"))
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> StartupChecks.checkRedisUri("http://user:s3cret@host"))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void acceptsRedisUris() {
        StartupChecks.checkRedisUri("redis://127.0.0.1:6379");
        StartupChecks.checkRedisUri("rediss://user:pw@cache.example:6380/2");
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost:6379", "http://localhost", "redis://", "redis://host:port" })
    void rejectsABadRedisUri(String uri) {
        assertThatThrownBy(() -> StartupChecks.checkRedisUri(uri)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("redis.uri (REDIS_URI): ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "70000", "-5", "http", "8080x" })
    void rejectsAnInvalidPort(String port) {
        assertThatThrownBy(() -> StartupChecks.checkPort("micronaut.server.port", port))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("micronaut.server.port (MICRONAUT_SERVER_PORT): ");
    }

    @Test
    void acceptsPorts() {
        assertThat(StartupChecks.checkPort("micronaut.server.port", "8080")).isEqualTo(8080);
        assertThat(StartupChecks.checkPort("micronaut.server.port", "-1")).isEqualTo(-1);
    }

    @Test
    void anUnreachableDatabaseFailsAfterTheBoundedWait() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> StartupChecks.awaitDatabase("jdbc:postgresql://127.0.0.1:1/none", "postgres", "",
                Duration.ofMillis(1500))).isInstanceOf(ConfigurationProblem.class)
                        .hasMessageContaining("database not reachable after");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
