package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.viewers.Viewers;
import io.chanmarket.webapp.Application;
import io.chanmarket.webapp.ads.AdApi;
import io.chanmarket.webapp.ads.AdEngineFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sponsored card and the viewer profile form over real HTTP on real PostgreSQL (a database of their own, see
 * {@link SponsoredFixture}): the engine serves Mini App viewers like any client, unknown attributes match only
 * untargeted campaigns, impressions and clicks land in the engine's statistics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SponsoredCardIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private SponsoredFixture engine;

    @BeforeAll
    void start() throws Exception {
        engine = new SponsoredFixture(Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void targetedAdsWaitForAMatchingProfileUntargetedOnesReachEveryoneAndTapsAreClicks() throws Exception {
        String advertiser = engine.advertiser();
        String forWomenInOmsk = engine.campaign(advertiser, "Для омичек", "Скидки в Омске",
                Map.of("gender", "FEMALE", "age_from", 20, "age_to", 30, "location", "Омск"));
        String olga = initData(7_100_001L, "ru");

        // First request: the viewer becomes an engine client with nothing known, and nothing fits.
        HttpResponse<String> none = get("/app/sponsored", olga);
        assertThat(none.statusCode()).isEqualTo(204);
        String clientId = engine.node.bean(Viewers.class).clientId(7_100_001L).orElseThrow().toString();
        assertThat(clientId).isNotEqualTo(UUID.nameUUIDFromBytes("tg:7100001".getBytes()).toString());
        AdApi.Reply client = engine.api.get("/clients/" + clientId);
        assertThat(client.status()).as(client.body()).isEqualTo(200);
        assertThat(client.json()).containsEntry("login", "tg:7100001").containsEntry("age", null)
                .containsEntry("location", null).containsEntry("gender", null);

        // A profile that fits only partly still gets nothing; once it fits, the targeted ad is served.
        assertThat(post("/app/profile", olga, "age=25&gender=male&location=%D0%9E%D0%BC%D1%81%D0%BA").statusCode())
                .isEqualTo(200);
        assertThat(get("/app/sponsored", olga).statusCode()).isEqualTo(204);
        HttpResponse<String> saved = post("/app/profile", olga,
                "age=25&gender=female&location=+%D0%9E%D0%BC%D1%81%D0%BA+");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"profile-saved\"").contains("value=\"Омск\"");
        assertThat(engine.api.get("/clients/" + clientId).json()).containsEntry("age", 25)
                .containsEntry("gender", "FEMALE").containsEntry("location", "Омск");
        HttpResponse<String> card = get("/app/sponsored", olga);
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("id=\"sponsored\"").contains("class=\"ad-label\">Реклама<")
                .contains("Для омичек").contains("Скидки в Омске")
                .contains("hx-post=\"/app/sponsored/" + forWomenInOmsk + "/click\"").doesNotContain("<html");
        assertThat(gzipped(card.body())).isLessThan(10 * 1024);
        assertThat(engine.stats(forWomenInOmsk)).containsEntry("impressions_count", 1).containsEntry("clicks_count", 0);
        // Showing it again counts nothing more.
        assertThat(get("/app/sponsored", olga).body()).contains("Для омичек");
        assertThat(engine.stats(forWomenInOmsk)).containsEntry("impressions_count", 1);

        // An untargeted campaign reaches a viewer who told nothing; the targeted one does not.
        String forEveryone = engine.campaign(advertiser, "Для всех", "Кофе со скидкой", Map.of());
        String ivan = initData(7_100_002L, "en");
        HttpResponse<String> untargeted = get("/app/sponsored", ivan);
        assertThat(untargeted.body()).contains("Для всех").contains(">Ad<").doesNotContain("Для омичек");
        assertThat(engine.stats(forEveryone)).containsEntry("impressions_count", 1);

        // Tapping the card is a click, recorded once however often it is tapped.
        HttpResponse<String> tapped = post("/app/sponsored/" + forEveryone + "/click", ivan, "");
        assertThat(tapped.statusCode()).isEqualTo(200);
        assertThat(tapped.body()).contains("class=\"ad-thanks\"").contains("Для всех").doesNotContain("hx-post");
        assertThat(post("/app/sponsored/" + forEveryone + "/click", ivan, "").statusCode()).isEqualTo(200);
        assertThat(engine.stats(forEveryone)).containsEntry("impressions_count", 1).containsEntry("clicks_count", 1);

        // A click needs an impression first; a malformed id is bad input; neither is a server error.
        assertThat(post("/app/sponsored/" + forWomenInOmsk + "/click", ivan, "").statusCode()).isEqualTo(404);
        assertThat(post("/app/sponsored/not-an-id/click", ivan, "").statusCode()).isEqualTo(400);
        assertThat(engine.stats(forWomenInOmsk)).containsEntry("clicks_count", 0);
    }

    @Test
    void theProfileFormExplainsEachBadFieldInTheUsersLanguage() throws Exception {
        String anna = initData(7_100_003L, "ru");
        HttpResponse<String> form = get("/app/profile", anna);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"profile-form\"").contains("Настройки рекламы").contains("name=\"age\"")
                .contains("name=\"gender\"").contains("name=\"location\"");
        String tooLong = "x".repeat(101);
        HttpResponse<String> bad = post("/app/profile", anna, "age=13&gender=other&location=" + tooLong);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"age-error\"").contains("Возраст — от 14 до 120.")
                .contains("id=\"gender-error\"").contains("id=\"location-error\"").contains("value=\"13\"")
                .doesNotContain("profile-saved");
        HttpResponse<String> english = post("/app/profile", initData(7_100_004L, "en"), "age=abc");
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Enter the age as a whole number.");
        assertThat(engine.node.bean(Viewers.class).clientId(7_100_004L)).isEmpty();
        // Everything left empty is a valid answer: nothing known.
        assertThat(post("/app/profile", anna, "age=&gender=&location=").statusCode()).isEqualTo(200);
        assertThat(
                engine.api.get("/clients/" + engine.node.bean(Viewers.class).clientId(7_100_003L).orElseThrow()).json())
                        .containsEntry("age", null);
        HttpResponse<String> page = http.send(request("/app/profile", anna).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<html").contains("id=\"profile-form\"");
    }

    @Test
    void theHomeAndCategoryPagesLoadTheCardLazilyInsideTheListAndTheSettingsTabLinksTheForm() throws Exception {
        long category = engine.aCategoryWithAChannel("Кофейни", "Coffee", "Кофе рядом");
        String user = initData(7_100_005L, "ru");
        String home = get("/app", user).body();
        assertThat(home).contains("id=\"home\"").contains("hx-get=\"/app/sponsored\"").contains("hx-trigger=\"load\"")
                .doesNotContain("href=\"/app/profile\"");
        // Never above the catalog: the slot comes after the first rows.
        assertThat(home.indexOf("class=\"row\"")).isPositive().isLessThan(home.indexOf("id=\"sponsored\""));
        assertThat(get("/app/tabs", user).body()).contains("href=\"/app/profile\"").contains("Настройки");
        assertThat(get("/app/categories/" + category, user).body()).contains("id=\"category\"")
                .contains("hx-get=\"/app/sponsored\"");
    }

    @Test
    void everySponsoredRouteNeedsValidInitData() throws Exception {
        assertThat(get("/app/sponsored", null).statusCode()).isEqualTo(401);
        assertThat(get("/app/profile", null).statusCode()).isEqualTo(401);
        assertThat(post("/app/profile", null, "age=30").statusCode()).isEqualTo(401);
        assertThat(post("/app/sponsored/" + java.util.UUID.randomUUID() + "/click", null, "").statusCode())
                .isEqualTo(401);
        String forged = SignedInitData.sign(Map.of("auth_date", Long.toString(System.currentTimeMillis() / 1000),
                "user", "{\"id\":1,\"first_name\":\"Eve\"}"), "7000000001:OTHER");
        assertThat(get("/app/sponsored", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void offByDefaultNoCardNoFormNoEngineClient() throws Exception {
        Application.Running plain = AdEngineFixture
                .startNode(Map.of("app.catalog.demo-data", "false", "app.miniapp.bot-token", SignedInitData.BOT_TOKEN));
        try {
            URI base = plain.context().getBean(EmbeddedServer.class).getURI();
            String user = initData(7_100_006L, "ru");
            String home = http.send(request(base, "/app", user).header("HX-Request", "true").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(home).contains("id=\"home\"").doesNotContain("/app/sponsored").doesNotContain("/app/profile");
            for (String path : new String[] { "/app/sponsored", "/app/profile" }) {
                assertThat(http.send(request(base, path, user).header("HX-Request", "true").GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(plain.context().getBean(Viewers.class).clientId(7_100_006L)).isEmpty();
        } finally {
            plain.close();
        }
    }

    private static String initData(long id, String language) {
        return SignedInitData.forUser(id, "Viewer", language, null);
    }

    private HttpRequest.Builder request(String path, String initData) {
        return request(engine.uri(), path, initData);
    }

    private static HttpRequest.Builder request(URI base, String path, String initData) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (initData != null) {
            builder.header("Authorization", "tma " + initData);
        }
        return builder;
    }

    private HttpResponse<String> get(String path, String initData) throws Exception {
        return http.send(request(path, initData).header("HX-Request", "true").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String initData, String form) throws Exception {
        return http.send(request(path, initData).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int gzipped(String body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return out.size();
    }
}
