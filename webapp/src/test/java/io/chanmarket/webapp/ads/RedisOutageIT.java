package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Redis outage (issue 14, finding 5): the test starts its own redis-server, serves ads through it, stops it (503 with
 * Retry-After within a second, not a 60 s hang and a 500), starts it again (served normally within two seconds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageIT {

    private int port;
    private Process redis;
    private Application.Running app;
    private AdApi api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startRedis();
        Map<String, Object> props = new HashMap<>(TestInfrastructure.databaseProperties());
        props.put("micronaut.server.port", "-1");
        props.put("redis.uri", "redis://127.0.0.1:" + port);
        props.put("app.redis.key-prefix", "outage-test:");
        app = Application.start(new String[0], props);
        api = AdEngineFixture.apiOf(app);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    private void startRedis() throws Exception {
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save",
                "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        Awaitility.await().alias("redis-server listening on port " + port).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
                    new Socket("127.0.0.1", port).close();
                    return true;
                });
    }

    private HttpResponse<String> serve(String client) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.base() + "/ads?client_id=" + client))
                .timeout(Duration.ofSeconds(70)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servingAnswers503QuicklyWhileRedisIsAwayAndRecoversWithinTwoSeconds() throws Exception {
        AdEngineFixture given = new AdEngineFixture(api);
        List<String> clients = given.clients(40);
        String advertiser = given.advertiser();
        for (int i = 0; i < 3; i++) {
            given.campaign(advertiser, Map.of());
        }
        assertThat(serve(clients.get(0)).statusCode()).isEqualTo(200);

        redis.destroyForcibly().waitFor();
        long start = System.nanoTime();
        HttpResponse<String> down = serve(clients.get(1));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(millis).as("answer time while Redis is down").isLessThan(1_000);
        HttpResponse<String> again = serve(clients.get(2));
        assertThat(again.statusCode()).isEqualTo(503);

        startRedis();
        long back = System.nanoTime();
        AtomicInteger next = new AtomicInteger(3);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> serve(clients.get(Math.min(next.getAndIncrement(), clients.size() - 1))).statusCode() == 200);
        long recovery = (System.nanoTime() - back) / 1_000_000;
        assertThat(recovery).as("recovery time after Redis returned").isLessThan(2_000);
    }
}
