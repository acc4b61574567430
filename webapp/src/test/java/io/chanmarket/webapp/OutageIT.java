package io.chanmarket.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestCatalog;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.ads.AdEngineFixture;
import io.chanmarket.webapp.miniapp.SignedInitData;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A database outage as it happens in production: another session holds the {@code channel} table locked (a long
 * migration, a {@code VACUUM FULL}, a stuck transaction) while many Mini App users open channel cards. The event loop
 * and the rest of the pool must stay free: a static file, {@code GET /ads} and {@code /health} keep answering within
 * 200 ms, the waiting cards end with 503 and {@code Retry-After} within the configured limits, and the card works again
 * once the lock is gone. Runs under BlockHound like every test here (docs/event-loop.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutageIT {

    private static final long USER = 5_100_001L;
    private static final int CARD_REQUESTS = 64;
    /** The limits this node is started with: a pool place or connection, then one statement. */
    private static final Duration POOL_WAIT = Duration.ofMillis(1500);
    private static final Duration STATEMENT_LIMIT = Duration.ofSeconds(2);
    private static final Duration FAST = Duration.ofMillis(200);

    private Application.Running app;
    private TestCatalog catalog;
    private AdEngineFixture ads;
    private URI base;
    private long channel;
    /** The card requests' client; the probes have their own, so its one selector thread is not what they wait on. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("app.catalog.demo-data", "false");
        props.put("app.miniapp.bot-token", SignedInitData.BOT_TOKEN);
        // The pool has 8 connections in tests: the Mini App may use 6 at once, 2 stay for everything else.
        props.put("app.miniapp.pool-share", "6");
        props.put("datasources.default.connection-timeout", String.valueOf(POOL_WAIT.toMillis()));
        props.put("app.database.statement-timeout", STATEMENT_LIMIT.toSeconds() + "s");
        app = AdEngineFixture.startNode(props);
        base = app.context().getBean(EmbeddedServer.class).getURI();
        catalog = new TestCatalog();
        long category = catalog.aCategory("Сбои", "Outages");
        channel = catalog.aChannel().inCategory(category).titled("Канал под замком").withSubscribers(10_000)
                .withReach(2_000).withPrice(1_000).inCountry("Россия").withMalePct(50).create();
        ads = new AdEngineFixture(AdEngineFixture.apiOf(app));
        ads.campaign(ads.advertiser(), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        catalog.close();
        app.close();
    }

    private record Timed(String path, int status, String retryAfter, String body, long millis) {
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private CompletableFuture<Timed> send(HttpRequest request) {
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Timed(request.uri().getPath(), r.statusCode(),
                        r.headers().firstValue("Retry-After").orElse(null), r.body(),
                        (System.nanoTime() - started) / 1_000_000));
    }

    private final HttpClient probeHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Timed get(String path) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = probeHttp.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            return new Timed(path, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), r.body(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private HttpRequest card() {
        return request("/app/channels/" + channel)
                .header("Authorization", "tma " + SignedInitData.forUser(USER, "Вера", "ru", null))
                .header("HX-Request", "true").build();
    }

    @Test
    void aLockedTableSlowsOnlyTheRequestsThatNeedIt() throws Exception {
        assertThat(send(card()).join().status()).isEqualTo(200);
        List<String> clients = ads.clients(40);
        assertThat(get("/ads?client_id=" + ads.client(30, "MALE")).status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) { // warm up the paths measured below
            get("/static/miniapp/app.css");
            get("/health");
        }
        TestInfrastructure.Database db = TestInfrastructure.database();
        List<CompletableFuture<Timed>> cards = new ArrayList<>();
        List<Timed> probes = new ArrayList<>();
        try (Connection locker = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("LOCK TABLE channel IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < CARD_REQUESTS; i++) {
                cards.add(send(card()));
            }
            // Let the burst of card requests arrive (on this shared 2-core test machine that takes a few hundred ms);
            // from then on they wait on the lock or for a place, and fail from POOL_WAIT on, while the probes run.
            Thread.sleep(400);
            CompletableFuture<Void> allCards = CompletableFuture.allOf(cards.toArray(CompletableFuture[]::new));
            // Probe while the cards wait on the lock or for a place, and while they fail: each probe a new ad client.
            for (String client : clients) {
                if (allCards.isDone()) {
                    break;
                }
                probes.add(get("/static/miniapp/app.css"));
                probes.add(get("/ads?client_id=" + client));
                probes.add(get("/health"));
            }
            allCards.join();
            locker.rollback();
        }
        probes.forEach(p -> System.out.printf("outage probe %s: %d in %d ms%n", p.path(), p.status(), p.millis()));
        cards.forEach(c -> System.out.printf("outage card: %d in %d ms%n", c.join().status(), c.join().millis()));
        assertThat(probes).hasSizeGreaterThanOrEqualTo(9);
        assertThat(probes).allSatisfy(p -> assertThat(p.status()).as(p.path() + " " + p.body()).isEqualTo(200));
        assertThat(probes).allSatisfy(p -> assertThat(p.millis()).as("%s answered in %d ms", p.path(), p.millis())
                .isLessThanOrEqualTo(FAST.toMillis()));
        long limit = POOL_WAIT.plus(STATEMENT_LIMIT).plus(POOL_WAIT).toMillis();
        for (CompletableFuture<Timed> future : cards) {
            Timed card = future.join();
            assertThat(card.status()).as(card.body()).isEqualTo(503);
            assertThat(card.retryAfter()).isEqualTo("2");
            // the configured limits plus a margin for a shared, busy test machine
            assertThat(card.millis()).isLessThanOrEqualTo(limit + 1_000);
        }
        // Recovery: the lock is gone, the card answers again.
        Timed after = send(card()).join();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).contains("Канал под замком");
    }
}
