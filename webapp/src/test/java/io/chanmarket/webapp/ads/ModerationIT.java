package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.webapp.Application;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Moderation of ad texts over real HTTP: the blacklist, the switch, and campaigns refused only when it is on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationIT {

    private Application.Running app;
    private AdApi api;
    private AdEngineFixture given;

    @BeforeAll
    void start() {
        app = AdEngineFixture.startNode(Map.of());
        api = AdEngineFixture.apiOf(app).asOperator();
        given = new AdEngineFixture(api);
    }

    @AfterAll
    void stop() {
        api.put("/moderation/settings", Map.of("enabled", false));
        app.close();
    }

    @Test
    void blacklistedTextsAreRefusedOnlyWhileModerationIsOn() {
        assertThat(api.get("/moderation/settings").json()).containsEntry("enabled", false);
        AdApi.Reply added = api.post("/moderation/blacklist", Map.of("phrase", "  Казино "));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.field("phrase")).isEqualTo("казино");
        assertThat(api.post("/moderation/blacklist", Map.of("phrase", "ставки на спорт")).status()).isEqualTo(201);
        assertThat(api.get("/moderation/blacklist").jsonList()).extracting(p -> p.get("phrase")).contains("казино",
                "ставки на спорт");

        String advertiser = given.advertiser();
        String path = "/advertisers/" + advertiser + "/campaigns";
        Map<String, Object> casino = given.campaignBody(Map.of("ad_title", "Лучшее K.A.3.N.H.O"));
        assertThat(api.post(path, casino).status()).as("off by default").isEqualTo(201);

        assertThat(api.put("/moderation/settings", Map.of("enabled", true)).json()).containsEntry("enabled", true);
        AdApi.Reply refused = api.post(path, casino);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field("message")).contains("ad_title").contains("казино");
        AdApi.Reply refusedText = api.post(path, given.campaignBody(Map.of("ad_text", "Ставками на спорте")));
        assertThat(refusedText.status()).isEqualTo(400);
        assertThat(refusedText.field("message")).contains("ad_text").contains("ставки на спорт");

        String clean = given.campaign(advertiser, Map.of("ad_title", "Магазин одежды"));
        AdApi.Reply update = api.put(path + "/" + clean, given.campaignBody(Map.of("ad_text", "кааазиноооо")));
        assertThat(update.status()).isEqualTo(400);
        assertThat(api.put(path + "/" + clean, given.campaignBody(Map.of("ad_text", "Новая коллекция"))).status())
                .isEqualTo(200);

        assertThat(api.delete("/moderation/blacklist?phrase="
                + java.net.URLEncoder.encode("казино", java.nio.charset.StandardCharsets.UTF_8)).status())
                        .isEqualTo(204);
        assertThat(api.post(path, casino).status()).isEqualTo(201);
        assertThat(api.delete("/moderation/blacklist?phrase=nothing").status()).isEqualTo(404);

        assertThat(api.put("/moderation/settings", Map.of("enabled", false)).json()).containsEntry("enabled", false);
        assertThat(api.post(path, given.campaignBody(Map.of("ad_text", "ставки на спорт"))).status()).isEqualTo(201);
    }

    @Test
    void badModerationInputIs400() {
        assertThat(api.post("/moderation/blacklist", Map.of("phrase", " ")).status()).isEqualTo(400);
        assertThat(api.post("/moderation/blacklist", Map.of("phrase", "...")).status()).isEqualTo(400);
        assertThat(api.postRaw("/moderation/blacklist", "{}").status()).isEqualTo(400);
        assertThat(api.put("/moderation/settings", Map.of()).status()).isEqualTo(400);
        assertThat(api.delete("/moderation/blacklist").status()).isEqualTo(400);
    }
}
