package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chanmarket.core.platform.shared.Counters;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Serving under concurrency: 32 parallel requests never pass a limit, never count a (client, campaign) pair twice, and
 * with Redis two nodes sharing PostgreSQL and Redis keep both rules and see each other's changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdServingConcurrencyIT {

    private Application.Running app;
    private AdApi api;
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    @BeforeAll
    void start() {
        app = AdEngineFixture.startNode(Map.of());
        api = AdEngineFixture.apiOf(app);
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        app.close();
    }

    private List<AdApi.Reply> inParallel(List<Callable<AdApi.Reply>> calls) throws Exception {
        List<AdApi.Reply> replies = new ArrayList<>();
        for (Future<AdApi.Reply> future : pool.invokeAll(calls)) {
            replies.add(future.get());
        }
        return replies;
    }

    @Test
    void manyClientsRacingForALimitedCampaignGetExactlyTheLimit() throws Exception {
        AdEngineFixture given = new AdEngineFixture(api);
        String campaign = given.campaign(given.advertiser(), Map.of("impressions_limit", 25));
        List<String> clients = given.clients(60);
        List<Callable<AdApi.Reply>> calls = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String client : clients) {
                calls.add(() -> given.ad(client));
            }
        }
        Collections.shuffle(calls);
        List<AdApi.Reply> replies = inParallel(calls);
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 404));
        assertThat(given.stats(campaign)).containsEntry("impressions_count", 25);
        // Exactly the 25 counted clients are ever shown the ad.
        long shownClients = clients.stream().filter(client -> given.ad(client).status() == 200).count();
        assertThat(shownClients).isEqualTo(25);
    }

    @Test
    void oneClientAskingInParallelIsCountedOncePerCampaign() throws Exception {
        AdEngineFixture given = new AdEngineFixture(api);
        String advertiser = given.advertiser();
        String first = given.campaign(advertiser, Map.of());
        String second = given.campaign(advertiser, Map.of());
        String client = given.client(33, "FEMALE");
        List<Callable<AdApi.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(() -> given.ad(client));
        }
        assertThat(inParallel(calls)).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(given.stats(first)).containsEntry("impressions_count", 1);
        assertThat(given.stats(second)).containsEntry("impressions_count", 1);

        List<Callable<AdApi.Reply>> clicks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            clicks.add(() -> api.post("/ads/" + first + "/click", Map.of("client_id", client)));
        }
        assertThat(inParallel(clicks)).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(204));
        assertThat(given.stats(first)).containsEntry("clicks_count", 1);
    }

    @Test
    void twoNodesShareLimitsUniquenessAndChanges() throws Exception {
        assumeTrue(TestInfrastructure.redisUri().isPresent(), "two nodes need Redis (set TEST_REDIS_URI)");
        try (Application.Running second = AdEngineFixture.startNode(Map.of())) {
            AdApi other = AdEngineFixture.apiOf(second);
            AdEngineFixture onFirst = new AdEngineFixture(api);
            String advertiser = onFirst.advertiser();
            // Ending today, so that pacing holds nothing back and both limits must fill exactly.
            int today = AdEngineFixture.today();
            List<String> campaigns = List.of(
                    onFirst.campaign(advertiser, Map.of("impressions_limit", 20, "end_date", today)),
                    onFirst.campaign(advertiser, Map.of("impressions_limit", 20, "end_date", today)));
            List<String> clients = onFirst.clients(50);
            List<Callable<AdApi.Reply>> calls = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String client : clients) {
                    for (AdApi node : List.of(api, other)) {
                        calls.add(() -> node.get("/ads?client_id=" + client));
                    }
                }
            }
            Collections.shuffle(calls);
            assertThat(inParallel(calls)).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 404));
            for (String campaign : campaigns) {
                assertThat(onFirst.stats(campaign)).containsEntry("impressions_count", 20);
            }

            // A day change on one node reaches the other: the campaigns end after this day.
            String late = onFirst.campaign(advertiser, Map.of("start_date", AdEngineFixture.today() + 1, "end_date",
                    AdEngineFixture.today() + 1, "targeting", Map.of("location", onFirst.town)));
            String fresh = onFirst.client(44, "MALE");
            assertThat(other.get("/ads?client_id=" + fresh).status()).isEqualTo(404);
            onFirst.advanceTo(AdEngineFixture.today() + 1);
            assertThat(eventually(() -> other.get("/ads?client_id=" + fresh).field("ad_id"), late)).isTrue();
        }
    }

    @Test
    void twoNodesForecastFromOneSharedVisitCountAndKeepOneLimit() throws Exception {
        assumeTrue(TestInfrastructure.redisUri().isPresent(), "two nodes need Redis (set TEST_REDIS_URI)");
        try (Application.Running second = AdEngineFixture.startNode(Map.of())) {
            AdApi other = AdEngineFixture.apiOf(second);
            AdEngineFixture given = new AdEngineFixture(api);
            int today = AdEngineFixture.today();
            // plentiful: 8 units over 30 days for 40 clients visiting on two nodes, so the shadow price rises
            String campaign = given.campaign(given.advertiser(),
                    Map.of("impressions_limit", 8, "clicks_limit", 8, "end_date", today + 29));
            List<String> clients = given.clients(40);
            String key = "ads:visits:" + today;
            Counters shared = app.context().getBean(Counters.class);
            String probe = given.client(50, "MALE");
            flushVisits(List.of(api, other), probe);
            long before = shared.get(key);
            List<Callable<AdApi.Reply>> calls = new ArrayList<>();
            for (String client : clients) {
                for (AdApi node : List.of(api, other)) {
                    calls.add(() -> node.get("/ads?client_id=" + client));
                }
            }
            Collections.shuffle(calls);
            assertThat(inParallel(calls)).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 404));
            assertThat((int) given.stats(campaign).get("impressions_count")).isBetween(1, 8);
            // each node adds its visits to the one shared count the forecasts read (when it next re-solves its prices,
            // which a visit after the period starts in the background): probe until all 80 are in
            int probes = 2;
            long deadline = System.currentTimeMillis() + 10_000;
            while (shared.get(key) - before < 80 && System.currentTimeMillis() < deadline) {
                probes += flushVisits(List.of(api, other), probe);
            }
            assertThat(second.context().getBean(Counters.class).get(key)).isEqualTo(shared.get(key));
            // the 80 visits, plus probes whose visits were added in this window
            assertThat(shared.get(key) - before).isBetween(80L, 80L + probes);
        }
    }

    /**
     * One visit per node after the prices' period: each node's next re-solve (or step) adds every visit it saw to the
     * shared count. Returns the visits it made.
     */
    private static int flushVisits(List<AdApi> nodes, String client) throws InterruptedException {
        Thread.sleep(250);
        for (AdApi node : nodes) {
            node.get("/ads?client_id=" + client);
        }
        return nodes.size();
    }

    private static boolean eventually(Callable<String> probe, String expected) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(probe,
                    expected::equals);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
