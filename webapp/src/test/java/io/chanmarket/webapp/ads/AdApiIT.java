package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.webapp.Application;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ad engine's contract over real HTTP on this run's PostgreSQL and Redis: codes, bodies, rules and errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdApiIT {

    private Application.Running app;
    private AdApi api;
    private AdEngineFixture given;

    @BeforeAll
    void start() {
        app = AdEngineFixture.startNode(Map.of());
        api = AdEngineFixture.apiOf(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @BeforeEach
    void fixture() {
        given = new AdEngineFixture(api);
    }

    private static Map<String, Object> with(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void clientsAreCreatedUpdatedAndRead() {
        String id = UUID.randomUUID().toString();
        AdApi.Reply created = api.post("/clients/bulk", List.of(given.clientBody(id, 30, "MALE")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.jsonList()).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("client_id", id).containsEntry("age", 30).containsEntry("gender", "MALE")
                    .containsEntry("location", given.town).containsKey("login");
        });
        assertThat(api.post("/clients/bulk", List.of(given.clientBody(id, 31, "FEMALE"))).status()).isEqualTo(201);
        AdApi.Reply read = api.get("/clients/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).containsEntry("age", 31).containsEntry("gender", "FEMALE");
        assertThat(api.post("/clients/bulk", List.of()).status()).isEqualTo(201);
    }

    @Test
    void badClientsAreRefusedWhole() {
        String good = UUID.randomUUID().toString();
        Map<String, Object> bad = given.clientBody(UUID.randomUUID().toString(), 30, "ROBOT");
        AdApi.Reply reply = api.post("/clients/bulk", List.of(given.clientBody(good, 30, "MALE"), bad));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.field("message")).contains("[1].gender");
        assertThat(api.get("/clients/" + good).status()).isEqualTo(404);

        Map<String, Object> noLogin = given.clientBody(UUID.randomUUID().toString(), 30, "MALE");
        noLogin.remove("login");
        assertThat(api.post("/clients/bulk", List.of(noLogin)).status()).isEqualTo(400);
        assertThat(api.post("/clients/bulk", List.of(given.clientBody("not-a-uuid", 30, "MALE"))).status())
                .isEqualTo(400);
        assertThat(
                api.post("/clients/bulk", List.of(given.clientBody(UUID.randomUUID().toString(), -1, "MALE"))).status())
                        .isEqualTo(400);
        assertThat(api.postRaw("/clients/bulk", "{\"client_id\": 1}").status()).isEqualTo(400);
        assertThat(api.postRaw("/clients/bulk", "not json").status()).isEqualTo(400);
        assertThat(api.postRaw("/clients/bulk", "").status()).isEqualTo(400);
        assertThat(api.get("/clients/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/clients/42").status()).isEqualTo(400);
    }

    @Test
    void advertisersAndMlScores() {
        String id = given.advertiser();
        AdApi.Reply read = api.get("/advertisers/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).containsEntry("advertiser_id", id).containsEntry("name", "Adv " + id);
        assertThat(api.get("/advertisers/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.post("/advertisers/bulk", List.of(Map.of("advertiser_id", id))).status()).isEqualTo(400);

        String client = given.client(25, "MALE");
        given.score(client, id, 10);
        given.score(client, id, 20);
        assertThat(api.post("/ml-scores", Map.of("client_id", client, "advertiser_id", id, "score", -1)).status())
                .isEqualTo(400);
        assertThat(api.post("/ml-scores", Map.of("client_id", client, "advertiser_id", id)).status()).isEqualTo(400);
        assertThat(api
                .post("/ml-scores", Map.of("client_id", UUID.randomUUID().toString(), "advertiser_id", id, "score", 1))
                .status()).isEqualTo(404);
        assertThat(api
                .post("/ml-scores",
                        Map.of("client_id", client, "advertiser_id", UUID.randomUUID().toString(), "score", 1))
                .status()).isEqualTo(404);
    }

    @Test
    void campaignsAreCreatedListedReplacedAndDeleted() {
        String advertiser = given.advertiser();
        int today = AdEngineFixture.today();
        AdApi.Reply created = api.post("/advertisers/" + advertiser + "/campaigns",
                given.campaignBody(with("start_date", today + 2, "end_date", today + 5, "targeting",
                        with("gender", "FEMALE", "age_from", 20, "age_to", 30, "location", given.town))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> campaign = created.json();
        String id = (String) campaign.get("campaign_id");
        assertThat(campaign).containsEntry("advertiser_id", advertiser).containsEntry("impressions_limit", 100)
                .containsEntry("clicks_limit", 100).containsEntry("cost_per_impression", 1.0)
                .containsEntry("cost_per_click", 2.0).containsEntry("ad_title", "Title")
                .containsEntry("ad_text", "Text").containsEntry("start_date", today + 2)
                .containsEntry("end_date", today + 5);
        assertThat(campaign.get("targeting"))
                .isEqualTo(with("gender", "FEMALE", "age_from", 20, "age_to", 30, "location", given.town));
        assertThat(api.get("/advertisers/" + advertiser + "/campaigns/" + id).json()).isEqualTo(campaign);
        assertThat(api.get("/advertisers/" + given.advertiser() + "/campaigns/" + id).status()).isEqualTo(404);

        given.campaign(advertiser, with("ad_title", "second"));
        given.campaign(advertiser, with("ad_title", "third"));
        AdApi.Reply page1 = api.get("/advertisers/" + advertiser + "/campaigns?size=2&page=1");
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.jsonList()).extracting(c -> c.get("ad_title")).containsExactly("Title", "second");
        assertThat(api.get("/advertisers/" + advertiser + "/campaigns?size=2&page=2").jsonList())
                .extracting(c -> c.get("ad_title")).containsExactly("third");
        assertThat(api.get("/advertisers/" + advertiser + "/campaigns").jsonList()).hasSize(3);
        assertThat(api.get("/advertisers/" + advertiser + "/campaigns?size=0").status()).isEqualTo(400);
        assertThat(api.get("/advertisers/" + advertiser + "/campaigns?page=x").status()).isEqualTo(400);
        assertThat(api.get("/advertisers/" + UUID.randomUUID() + "/campaigns").status()).isEqualTo(404);

        // Before the start everything may change; PUT replaces, so omitted targeting becomes no targeting.
        Map<String, Object> replacement = given.campaignBody(
                with("impressions_limit", 50, "start_date", today + 1, "end_date", today + 4, "ad_title", "New"));
        replacement.remove("targeting");
        AdApi.Reply replaced = api.put("/advertisers/" + advertiser + "/campaigns/" + id, replacement);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json()).containsEntry("impressions_limit", 50).containsEntry("ad_title", "New");
        Map<String, Object> noTargeting = new HashMap<>();
        noTargeting.put("gender", null);
        noTargeting.put("age_from", null);
        noTargeting.put("age_to", null);
        noTargeting.put("location", null);
        assertThat(replaced.json().get("targeting")).isEqualTo(noTargeting);

        // After the start, limits and dates are fixed; the rest may change.
        given.advanceTo(today + 1);
        Map<String, Object> started = given.campaignBody(
                with("impressions_limit", 50, "start_date", today + 1, "end_date", today + 4, "ad_title", "Newer"));
        assertThat(api.put("/advertisers/" + advertiser + "/campaigns/" + id, started).status()).isEqualTo(200);
        started.put("impressions_limit", 60);
        assertThat(api.put("/advertisers/" + advertiser + "/campaigns/" + id, started).status()).isEqualTo(409);
        started.put("impressions_limit", 50);
        started.put("end_date", today + 9);
        assertThat(api.put("/advertisers/" + advertiser + "/campaigns/" + id, started).status()).isEqualTo(409);

        assertThat(api.delete("/advertisers/" + advertiser + "/campaigns/" + id).status()).isEqualTo(204);
        assertThat(api.get("/advertisers/" + advertiser + "/campaigns/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/advertisers/" + advertiser + "/campaigns/" + id).status()).isEqualTo(404);
        assertThat(api.get("/advertisers/" + advertiser + "/campaigns").jsonList()).hasSize(2);
    }

    @Test
    void badCampaignsAreRefused() {
        String advertiser = given.advertiser();
        int today = AdEngineFixture.today();
        String path = "/advertisers/" + advertiser + "/campaigns";
        given.advanceTo(today + 1);
        List<Map<String, Object>> bad = List.of(with("start_date", today), // in the past
                with("end_date", today - 1, "start_date", today + 1), with("impressions_limit", -1),
                with("cost_per_click", -0.5), with("ad_title", " "), with("ad_text", null),
                with("targeting", with("gender", "OTHER")), with("targeting", with("age_from", 40, "age_to", 30)));
        for (Map<String, Object> changes : bad) {
            Map<String, Object> body = given.campaignBody(with("start_date", today + 1, "end_date", today + 5));
            body.putAll(changes);
            AdApi.Reply reply = api.post(path, body);
            assertThat(reply.status()).as(changes + " -> " + reply.body()).isEqualTo(400);
            assertThat(reply.field("message")).isNotBlank();
        }
        assertThat(api.postRaw(path, "{\"impressions_limit\": \"many\"}").status()).isEqualTo(400);
        assertThat(api.post("/advertisers/" + UUID.randomUUID() + "/campaigns", given.campaignBody(Map.of())).status())
                .isEqualTo(404);
    }

    @Test
    void theDayOnlyGoesForward() {
        int today = AdEngineFixture.today();
        AdApi.Reply same = api.post("/time/advance", Map.of("current_date", today));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json()).containsEntry("current_date", today);
        AdApi.Reply next = api.post("/time/advance", Map.of("current_date", today + 1));
        assertThat(next.json()).containsEntry("current_date", today + 1);
        assertThat(api.post("/time/advance", Map.of("current_date", today)).status()).isEqualTo(409);
        assertThat(api.post("/time/advance", Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/time/advance", Map.of("current_date", -3)).status()).isEqualTo(400);
    }

    @Test
    void adsFollowTargeting() {
        String advertiser = given.advertiser();
        String women2030 = given.campaign(advertiser, with("ad_title", "women 20-30", "targeting",
                with("gender", "FEMALE", "age_from", 20, "age_to", 30, "location", given.town)));
        String everyoneHere = given.campaign(advertiser,
                with("ad_title", "all here", "targeting", with("gender", "ALL", "location", given.town)));
        String woman25 = given.client(25, "FEMALE");
        String woman31 = given.client(31, "FEMALE");
        String man25 = given.client(25, "MALE");

        Set<String> seenByWoman25 = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            AdApi.Reply reply = given.ad(woman25);
            assertThat(reply.status()).isEqualTo(200);
            seenByWoman25.add(reply.field("ad_id"));
        }
        assertThat(seenByWoman25).containsExactlyInAnyOrder(women2030, everyoneHere);
        for (String other : List.of(woman31, man25)) {
            for (int i = 0; i < 3; i++) {
                assertThat(given.ad(other).field("ad_id")).isEqualTo(everyoneHere);
            }
        }
        AdApi.Reply ad = given.ad(man25);
        assertThat(ad.json()).containsEntry("ad_title", "all here").containsEntry("ad_text", "Text")
                .containsEntry("advertiser_id", advertiser);

        AdEngineFixture elsewhere = new AdEngineFixture(api);
        assertThat(elsewhere.ad(elsewhere.client(25, "FEMALE")).status()).isEqualTo(404);
        assertThat(given.ad(UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(api.get("/ads").status()).isEqualTo(400);
        assertThat(api.get("/ads?client_id=nope").status()).isEqualTo(400);
    }

    @Test
    void adsRunOnlyBetweenTheirDays() {
        int today = AdEngineFixture.today();
        String campaign = given.campaign(given.advertiser(), with("start_date", today + 1, "end_date", today + 2));
        String client = given.client(40, "MALE");
        assertThat(given.ad(client).status()).isEqualTo(404);
        given.advanceTo(today + 1);
        assertThat(given.ad(client).field("ad_id")).isEqualTo(campaign);
        given.advanceTo(today + 3);
        assertThat(given.ad(client).status()).isEqualTo(404);
    }

    @Test
    void impressionsAndClicksCountOncePerClientAtThePriceInForce() {
        String advertiser = given.advertiser();
        String campaign = given.campaign(advertiser,
                with("cost_per_impression", 1.25, "cost_per_click", 3.5, "clicks_limit", 10));
        String shown = given.client(30, "MALE");
        String notShown = given.client(30, "MALE");
        for (int i = 0; i < 3; i++) {
            assertThat(given.ad(shown).field("ad_id")).isEqualTo(campaign);
        }
        String click = "/ads/" + campaign + "/click";
        assertThat(api.post(click, Map.of("client_id", notShown)).status()).isEqualTo(403);
        assertThat(api.post(click, Map.of("client_id", shown)).status()).isEqualTo(204);
        assertThat(api.post(click, Map.of("client_id", shown)).status()).isEqualTo(204);
        assertThat(api.post(click, Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/ads/" + UUID.randomUUID() + "/click", Map.of("client_id", shown)).status())
                .isEqualTo(404);
        assertThat(api.post(click, Map.of("client_id", UUID.randomUUID().toString())).status()).isEqualTo(404);

        assertThat(given.stats(campaign)).containsEntry("impressions_count", 1).containsEntry("clicks_count", 1)
                .containsEntry("conversion", 100.0).containsEntry("spent_impressions", 1.25)
                .containsEntry("spent_clicks", 3.5).containsEntry("spent_total", 4.75);

        // A new price counts from now on; earlier events keep theirs.
        Map<String, Object> repriced = given
                .campaignBody(with("cost_per_impression", 2.0, "cost_per_click", 3.5, "clicks_limit", 10));
        Map<String, Object> current = api.get("/advertisers/" + advertiser + "/campaigns/" + campaign).json();
        repriced.put("start_date", current.get("start_date"));
        repriced.put("end_date", current.get("end_date"));
        assertThat(api.put("/advertisers/" + advertiser + "/campaigns/" + campaign, repriced).status()).isEqualTo(200);
        assertThat(given.ad(notShown).field("ad_id")).isEqualTo(campaign);
        assertThat(given.stats(campaign)).containsEntry("impressions_count", 2).containsEntry("clicks_count", 1)
                .containsEntry("conversion", 50.0).containsEntry("spent_impressions", 3.25)
                .containsEntry("spent_total", 6.75);

        int today = AdEngineFixture.today();
        List<Map<String, Object>> daily = api.get("/stats/campaigns/" + campaign + "/daily").jsonList();
        assertThat(daily).singleElement().satisfies(d -> assertThat(d).containsEntry("date", today)
                .containsEntry("impressions_count", 2).containsEntry("clicks_count", 1));
        assertThat(api.get("/stats/campaigns/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/stats/campaigns/bad/daily").status()).isEqualTo(400);
    }

    @Test
    void theImpressionsLimitIsNeverPassed() {
        String campaign = given.campaign(given.advertiser(), with("impressions_limit", 3));
        List<String> clients = given.clients(8);
        int served = 0;
        for (String client : clients) {
            AdApi.Reply reply = given.ad(client);
            if (reply.status() == 200) {
                served++;
            } else {
                assertThat(reply.status()).isEqualTo(404);
            }
        }
        assertThat(served).isEqualTo(3);
        assertThat(given.stats(campaign)).containsEntry("impressions_count", 3);
    }

    @Test
    void advertiserStatsAddUpItsCampaignsAcrossDaysIncludingDeletedOnes() {
        String advertiser = given.advertiser();
        int today = AdEngineFixture.today();
        String first = given.campaign(advertiser, with("cost_per_impression", 1.0, "impressions_limit", 1));
        String second = given.campaign(advertiser, with("cost_per_impression", 0.5, "impressions_limit", 1));
        String a = given.client(30, "MALE");
        String b = given.client(30, "FEMALE");
        assertThat(given.ad(a).status()).isEqualTo(200);
        given.advanceTo(today + 1);
        assertThat(given.ad(b).status()).isEqualTo(200);
        assertThat(api.delete("/advertisers/" + advertiser + "/campaigns/" + first).status()).isEqualTo(204);

        Map<String, Object> total = api.get("/stats/advertisers/" + advertiser + "/campaigns").json();
        assertThat(total).containsEntry("impressions_count", 2).containsEntry("clicks_count", 0)
                .containsEntry("conversion", 0.0).containsEntry("spent_impressions", 1.5)
                .containsEntry("spent_total", 1.5);
        List<Map<String, Object>> daily = api.get("/stats/advertisers/" + advertiser + "/campaigns/daily").jsonList();
        assertThat(daily).extracting(d -> d.get("date")).containsExactly(today, today + 1);
        assertThat(daily).extracting(d -> d.get("impressions_count")).containsExactly(1, 1);
        assertThat(api.get("/stats/campaigns/" + second).status()).isEqualTo(200);
        assertThat(api.get("/stats/advertisers/" + UUID.randomUUID() + "/campaigns").status()).isEqualTo(404);
    }

    @Test
    void theMoreRelevantAdvertiserComesFirstAtEqualPrices() {
        String liked = given.advertiser();
        String ignored = given.advertiser();
        String likedCampaign = given.campaign(liked, Map.of());
        given.campaign(ignored, Map.of());
        String client = given.client(30, "MALE");
        given.score(client, liked, 900);
        given.score(client, ignored, 10);
        assertThat(given.ad(client).field("ad_id")).isEqualTo(likedCampaign);
    }
}
