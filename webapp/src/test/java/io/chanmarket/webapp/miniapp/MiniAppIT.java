package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.events.EventLog;
import io.chanmarket.testing.TestCatalog;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Mini App over real HTTP on real PostgreSQL: pages and partials, JSON API, auth failures, deep links. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniAppIT {

    private static final long ANNA = 5_000_001L;
    private static final long JOHN = 5_000_002L;

    private Application.Running app;
    private TestCatalog catalog;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private long news;
    private long design;
    private long bigNews;
    private long smallNews;
    private long midNews;
    private long logos;
    private long fonts;
    private long hidden;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties());
        props.put("micronaut.server.port", "-1");
        props.put("app.catalog.demo-data", "false");
        props.put("app.miniapp.bot-token", SignedInitData.BOT_TOKEN);
        props.put("app.miniapp.max-auth-age", "1h");
        app = Application.start(new String[0], props);
        catalog = new TestCatalog();
        news = catalog.aCategory("Новости IT", "IT news");
        bigNews = catalog.aChannel().inCategory(news).titled("Большие новости").withSubscribers(250_000)
                .withReach(50_000).withPrice(20_000).inCountry("Россия").withMalePct(70).create();
        midNews = catalog.aChannel().inCategory(news).titled("Средние новости").withSubscribers(40_000)
                .withReach(10_000).withPrice(3_000).inCountry("Казахстан").withMalePct(30).create();
        smallNews = catalog.aChannel().inCategory(news).titled("Малые новости").withSubscribers(5_000).withReach(1_000)
                .withPrice(1_500).inCountry("Россия").withMalePct(55).create();
        for (int i = 0; i < 25; i++) {
            catalog.aChannel().inCategory(news).titled("Лента " + i).withSubscribers(1_000 + i).withReach(100)
                    .withPrice(500).inCountry("Россия").withMalePct(50).create();
        }
        hidden = catalog.aChannel().inCategory(news).titled("Скрытый канал").withSubscribers(999_999).withReach(1)
                .withPrice(1).inCountry("Россия").withMalePct(50).create();
        catalog.hide(hidden);
        design = catalog.aCategory("Дизайн", "Design");
        logos = catalog.aChannel().inCategory(design).titled("Логотипы").withSubscribers(12_000).withReach(3_000)
                .withPrice(2_000).inCountry("Россия").withMalePct(40).create();
        fonts = catalog.aChannel().inCategory(design).titled("Шрифты").withSubscribers(8_000).withReach(2_000)
                .withPrice(1_000).inCountry("Беларусь").withMalePct(45).create();
        catalog.aReview(logos, "Анна", "Отличное размещение");
    }

    @AfterAll
    void stop() throws Exception {
        catalog.close();
        app.close();
    }

    // --- pages and partials

    @Test
    void aPlainLoadWithoutInitDataGetsTheShell() throws Exception {
        HttpResponse<String> shell = get("/app", null, false);
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(shell.body()).contains("<html").contains("id=\"view\"").contains("data-filled=\"0\"")
                .contains("htmx.min.js").contains("telegram-web-app.js");
        HttpResponse<String> deepPath = get("/app/channels/" + logos, null, false);
        assertThat(deepPath.statusCode()).isEqualTo(200);
        assertThat(deepPath.body()).contains("data-filled=\"0\"").doesNotContain("Логотипы");
    }

    @Test
    void homeShowsCategoriesWithTheirChannels() throws Exception {
        HttpResponse<String> partial = get("/app", anna(), true);
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body()).doesNotContain("<html").contains("id=\"home\"").contains("Новости IT")
                .contains("Большие новости").contains("Дизайн").doesNotContain("Скрытый канал");
        HttpResponse<String> full = get("/app", anna(), false);
        assertThat(full.body()).contains("<html").contains("data-filled=\"1\"").contains("id=\"home\"");
        assertThat(partial.headers().allValues("Vary").toString()).contains("HX-Request");
    }

    @Test
    void theCategoryListsSortsFiltersSearchesAndPages() throws Exception {
        String page = get("/app/categories/" + news, anna(), true).body();
        assertThat(page).contains("id=\"category\"").contains("id=\"rows\"").contains("hx-trigger=\"revealed\"");
        assertThat(page.indexOf("Большие новости")).isLessThan(page.indexOf("Средние новости"));
        String byPrice = get("/app/categories/" + news + "/channels?sort=price&dir=asc", anna(), true).body();
        assertThat(byPrice).doesNotContain("<html").doesNotContain("Большие новости");
        String cheapFirst = get("/app/categories/" + news + "/channels?sort=price&dir=desc", anna(), true).body();
        assertThat(cheapFirst.indexOf("Большие новости")).isLessThan(cheapFirst.indexOf("Средние новости"));
        String filtered = get("/app/categories/" + news
                + "/channels?min_subscribers=4000&max_subscribers=50000&geo=%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F",
                anna(), true).body();
        assertThat(filtered).contains("Малые новости").doesNotContain("Средние новости").doesNotContain("Большие");
        assertThat(get("/app/categories/" + news + "/channels?gender=female&min_cpm=200", anna(), true).body())
                .contains("Средние новости").doesNotContain("Большие новости");
        assertThat(get("/app/categories/" + news + "/channels?q=%D1%81%D1%80%D0%B5%D0%B4%D0%BD", anna(), true).body())
                .contains("Средние новости").doesNotContain("Малые новости");
        String secondPage = get("/app/categories/" + news + "/channels?page=1", anna(), true).body();
        assertThat(secondPage).contains("Лента").doesNotContain("Большие новости")
                .doesNotContain("hx-trigger=\"revealed\"");
        HttpResponse<String> full = get("/app/categories/" + news + "/channels?sort=err", anna(), false);
        assertThat(full.body()).contains("<html").contains("id=\"category\"");
    }

    @Test
    void aBadFilterValueIsRefusedNextToItsFieldKeepingTheRest() throws Exception {
        HttpResponse<String> response = get(
                "/app/categories/" + news + "/channels?min_subscribers=lots&geo=%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F",
                anna(), true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Малые новости").doesNotContain("id=\"notice\"");
        HttpResponse<String> page = get("/app/categories/" + news + "?min_subscribers=lots&max_price=5000", anna(),
                true);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"lots\"").contains("value=\"5000\"")
                .contains("id=\"err-min_subscribers\">Введите число, например 1000.<")
                .contains("id=\"err-max_price\"></small>");
        assertThat(get("/app/categories/" + news + "?sort=popularity", anna(), true).statusCode()).isEqualTo(400);
        assertThat(get("/app/categories/999999999", anna(), true).statusCode()).isEqualTo(404);
    }

    @Test
    void theChannelCardShowsEveryFieldAndEmptySimilarSlots() throws Exception {
        HttpResponse<String> card = get("/app/channels/" + logos, anna(), true);
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).doesNotContain("<html").contains("id=\"card\"").contains("Логотипы")
                .contains("12\u00a0000").contains("3\u00a0000").contains("2\u00a0000\u00a0₽").contains("666,67\u00a0₽") // CPM
                                                                                                                        // =
                                                                                                                        // 2000
                                                                                                                        // /
                                                                                                                        // 3000
                                                                                                                        // *
                                                                                                                        // 1000
                .contains("25-34").contains("М 40%").contains("Россия 80,5%").contains("Отличное размещение")
                .contains("https://t.me/").contains("Шрифты").contains("id=\"fav-btn\"").contains("?startapp=lk");
        assertThat(card.body().split("slot empty", -1)).hasSize(4); // 1 similar channel, 3 empty slots
        assertThat(get("/app/channels/" + logos, anna(), false).body()).contains("<html").contains("id=\"card\"");
        assertThat(get("/app/channels/" + hidden, anna(), true).statusCode()).isEqualTo(404);
    }

    @Test
    void textsFollowTheUsersLanguage() throws Exception {
        assertThat(get("/app/channels/" + logos, john(), true).body()).contains("Similar channels")
                .contains("Contact manager");
        assertThat(get("/app/channels/" + logos, anna(), true).body()).contains("Похожие каналы");
    }

    @Test
    void theTopBarSpeaksTheTelegramUsersLanguageNotTheBrowsers() throws Exception {
        HttpRequest.Builder russianUserEnglishBrowser = HttpRequest.newBuilder(base().resolve("/app/start"))
                .header("Authorization", "tma " + anna()).header("HX-Request", "true")
                .header("Accept-Language", "en-US,en;q=0.9");
        String start = http.send(russianUserEnglishBrowser.build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(start).contains("id=\"home\"").contains(">Категории<");
        String tabs = http.send(
                HttpRequest.newBuilder(base().resolve("/app/tabs")).header("Authorization", "tma " + anna())
                        .header("HX-Request", "true").header("Accept-Language", "en-US,en;q=0.9").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(tabs).contains("class=\"tabs\"").contains("Каталог</a>").contains("Избранное</a>")
                .doesNotContain("Catalog</a>");
        String card = get("/app/channels/" + logos, john(), false).body();
        assertThat(card).contains("Catalog</a>").contains("Favorites</a>").contains("Compare</a>");
    }

    @Test
    void responsesAreGzippedAndStaticFilesCached() throws Exception {
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(base().resolve("/app/categories/" + news))
                .header("Authorization", "tma " + anna()).header("HX-Request", "true").header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(gunzip(page.body()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"category\"").contains("Большие новости");
        assertThat(page.body().length).isLessThan(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 3)
                .isLessThan(10 * 1024);
        for (String path : new String[] { "/static/miniapp/app.css", "/static/miniapp/app.js", ShellFactory.HTMX }) {
            HttpResponse<byte[]> file = http.send(
                    HttpRequest.newBuilder(base().resolve(path)).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).as(path).contains("public")
                    .contains("max-age=3600");
            assertThat(gunzip(file.body()).length).isGreaterThan(file.body().length);
        }
        HttpResponse<byte[]> json = http.send(HttpRequest.newBuilder(base().resolve("/api/miniapp/catalog"))
                .header("Authorization", "tma " + anna()).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(json.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(gunzip(json.body()), java.nio.charset.StandardCharsets.UTF_8)).contains("Новости IT");
        HttpResponse<byte[]> plain = http.send(
                HttpRequest.newBuilder(base().resolve("/static/miniapp/app.css")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    private static byte[] gunzip(byte[] body) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void favoritesCanBeAddedTwiceAndRemovedTwice() throws Exception {
        assertThat(post("/app/channels/" + fonts + "/favorite", john()).body()).contains("aria-pressed=\"true\"");
        assertThat(post("/app/channels/" + fonts + "/favorite", john()).statusCode()).isEqualTo(200);
        assertThat(catalog.count("SELECT count(*) FROM favorite WHERE user_id = " + JOHN)).isEqualTo(1);
        assertThat(get("/app/favorites", john(), true).body()).contains("id=\"favorites\"").contains("Шрифты");
        assertThat(get("/app/channels/" + fonts, john(), true).body()).contains("aria-pressed=\"true\"");
        assertThat(send("DELETE", "/app/channels/" + fonts + "/favorite", john()).body())
                .contains("aria-pressed=\"false\"");
        assertThat(send("DELETE", "/app/channels/" + fonts + "/favorite", john()).statusCode()).isEqualTo(200);
        assertThat(get("/app/favorites", john(), true).body()).doesNotContain("Шрифты");
        assertThat(catalog.count("SELECT count(*) FROM telegram_user WHERE id = " + JOHN)).isEqualTo(1);
    }

    @Test
    void priceAndContactAreCountedEvents() throws Exception {
        HttpResponse<String> price = post("/app/channels/" + logos + "/price", anna());
        assertThat(price.body()).contains("id=\"price-info\"").contains("2\u00a0000\u00a0₽");
        HttpResponse<String> contact = post("/app/channels/" + logos + "/contact", anna());
        assertThat(contact.statusCode()).isEqualTo(204);
        assertThat(contact.headers().firstValue("HX-Trigger").orElse("")).contains("openTelegramLink")
                .contains("https://t.me/");
        app.context().getBean(EventLog.class).flush(Duration.ofSeconds(5));
        assertThat(catalog.count("SELECT count(*) FROM event_log WHERE type = 'PRICE_CLICK' AND channel_id = " + logos
                + " AND user_id = " + ANNA)).isEqualTo(1);
        assertThat(catalog
                .count("SELECT count(*) FROM event_log WHERE type = 'CONTACT_MANAGER_CLICK' AND channel_id = " + logos))
                        .isEqualTo(1);
    }

    // --- deep links

    @Test
    void channelAndCategoryPayloadsOpenTheirPages() throws Exception {
        HttpResponse<String> channel = get("/app/start?payload=ch_" + logos, anna(), true);
        assertThat(channel.body()).contains("id=\"card\"").contains("Логотипы");
        assertThat(channel.headers().firstValue("HX-Replace-Url")).contains("/app/channels/" + logos);
        HttpResponse<String> signed = get("/app/start", SignedInitData.forUser(ANNA, "Анна", "ru", "cat_" + design),
                true);
        assertThat(signed.body()).contains("id=\"category\"").contains("Шрифты");
    }

    @Test
    void unknownOrMalformedPayloadsLandHomeWithANotice() throws Exception {
        for (String payload : new String[] { "ch_999999999", "cat_0", "nosuchcode", "ch_x", "%3Cscript%3E" }) {
            HttpResponse<String> response = get("/app/start?payload=" + payload, anna(), true);
            assertThat(response.statusCode()).as(payload).isEqualTo(200);
            assertThat(response.body()).as(payload).contains("id=\"home\"").contains("class=\"notice\"");
        }
        assertThat(get("/app/start", anna(), true).body()).contains("id=\"home\"").doesNotContain("class=\"notice\"");
    }

    @Test
    void trackedLinkArrivalsAreCountedPerLink() throws Exception {
        String code = catalog.text("SELECT code FROM tracked_link WHERE is_default AND channel_id = " + midNews);
        long link = catalog.count("SELECT id FROM tracked_link WHERE code = '" + code + "'");
        get("/app/start?payload=" + code, anna(), true);
        HttpResponse<String> second = get("/app/start?payload=" + code, john(), true);
        assertThat(second.body()).contains("Средние новости");
        assertThat(catalog.count("SELECT count(*) FROM tracked_link_arrival WHERE link_id = " + link)).isEqualTo(2);
        app.context().getBean(EventLog.class).flush(Duration.ofSeconds(5));
        assertThat(catalog
                .count("SELECT count(*) FROM event_log WHERE type = 'DEEP_LINK_ARRIVAL' AND tracked_link_id = " + link))
                        .isEqualTo(2);
        assertThat(catalog.count("SELECT count(*) FROM tracked_link WHERE is_default"))
                .isEqualTo(catalog.count("SELECT count(*) FROM channel"));
    }

    // --- auth

    @Test
    void withABotTokenAPlainBrowserIsSentToTheBotNotToldItsSessionExpired() throws Exception {
        HttpResponse<String> shell = get("/app", null, false);
        assertThat(shell.body()).contains("data-filled=\"0\"").doesNotContain("preview-bar");
        HttpResponse<String> outside = get("/app/start?payload=", null, true);
        assertThat(outside.statusCode()).isEqualTo(401);
        assertThat(outside.body()).contains("Откройте приложение в Telegram")
                .contains("href=\"https://t.me/chanmarket_bot\"").doesNotContain("Сессия устарела");
        String forged = SignedInitData.sign(Map.of("auth_date", Long.toString(Instant.now().getEpochSecond()), "user",
                "{\"id\":1,\"first_name\":\"Eve\"}"), "7000000001:OTHER");
        HttpResponse<String> refused = get("/app/start?payload=", forged, true);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Сессия устарела").doesNotContain("t.me/chanmarket_bot");
    }

    @Test
    void missingForgedExpiredOrTamperedInitDataIs401() throws Exception {
        HttpResponse<String> missing = get("/app/channels/" + logos, null, true);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("id=\"notice\"");
        assertThat(missing.headers().firstValue("HX-Retarget")).contains("#view");
        String forged = SignedInitData.sign(Map.of("auth_date", Long.toString(Instant.now().getEpochSecond()), "user",
                "{\"id\":1,\"first_name\":\"Eve\"}"), "7000000001:OTHER");
        assertThat(get("/app/channels/" + logos, forged, true).statusCode()).isEqualTo(401);
        String expired = SignedInitData.forUser(ANNA, "Анна", "ru", null, Instant.now().minus(Duration.ofHours(2)));
        assertThat(get("/app/channels/" + logos, expired, true).statusCode()).isEqualTo(401);
        String tampered = anna().replace("%22id%22%3A" + ANNA, "%22id%22%3A" + JOHN);
        assertThat(tampered).isNotEqualTo(anna());
        assertThat(get("/app/favorites", tampered, true).statusCode()).isEqualTo(401);
        HttpResponse<String> fullPage = get("/app/channels/" + logos, forged, false);
        assertThat(fullPage.statusCode()).isEqualTo(401);
        assertThat(fullPage.body()).contains("<html").contains("id=\"notice\"");
        HttpResponse<String> api = get("/api/miniapp/favorites", null, false);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"error\":\"unauthorized\"");
        assertThat(get("/api/miniapp/channels/" + logos, expired, false).statusCode()).isEqualTo(401);
    }

    @Test
    void initDataRememberedAfterItsCheckIsStillRefusedOnceItExpires() throws Exception {
        // valid for a few more seconds: checked once, then served from the node's memory of checked initData
        String expiring = SignedInitData.forUser(ANNA, "Анна", "ru", null,
                Instant.now().minus(Duration.ofHours(1)).plusSeconds(4));
        assertThat(get("/app/channels/" + logos, expiring, true).statusCode()).isEqualTo(200);
        assertThat(get("/app/favorites", expiring, true).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/app/channels/" + logos, expiring, true).statusCode() == 401);
    }

    // --- JSON API

    @Test
    void theJsonApiListsTheCatalogAndAChannel() throws Exception {
        HttpResponse<String> list = get("/api/miniapp/catalog?perCategory=2", anna(), false);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"nameRu\":\"Новости IT\"").contains("Большие новости")
                .contains("Средние новости").doesNotContain("Малые новости");
        HttpResponse<String> channel = get("/api/miniapp/channels/" + logos, anna(), false);
        assertThat(channel.body()).contains("\"title\":\"Логотипы\"").contains("\"subscribers\":12000")
                .contains("\"similar\":{\"slots\":[").contains("null").contains("\"reviews\":[{");
        HttpResponse<String> missing = get("/api/miniapp/channels/999999999", anna(), false);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\":\"not_found\"");
        assertThat(get("/api/miniapp/catalog?perCategory=1000", anna(), false).statusCode()).isEqualTo(400);
    }

    @Test
    void compareAndHistoryRefuseBadInputWithA400() throws Exception {
        assertThat(get("/app/compare?ids=abc", anna(), true).statusCode()).isEqualTo(400);
        assertThat(get("/app/compare?ids=-5", anna(), true).statusCode()).isEqualTo(400);
        assertThat(get("/app/channels/" + logos + "/history?days=7", anna(), true).statusCode()).isEqualTo(400);
        HttpResponse<String> compare = get("/app/compare?ids=" + logos + ",999999999", anna(), true);
        assertThat(compare.statusCode()).isEqualTo(200);
        assertThat(compare.body()).contains("id=\"compare\"").doesNotContain("<table");
        assertThat(compare.headers().firstValue("HX-Push-Url")).hasValue("/app/compare?ids=" + logos);
        HttpResponse<String> history = get("/app/channels/" + logos + "/history?days=90", anna(), true);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("aria-current=\"true\"").doesNotContain("<html");
    }

    @Test
    void jsonFavoritesAreIdempotent() throws Exception {
        long user = 5_000_003L;
        String auth = SignedInitData.forUser(user, "Kate", "en", null);
        assertThat(send("PUT", "/api/miniapp/favorites/" + bigNews, auth).statusCode()).isEqualTo(204);
        assertThat(send("PUT", "/api/miniapp/favorites/" + bigNews, auth).statusCode()).isEqualTo(204);
        assertThat(send("PUT", "/api/miniapp/favorites/" + smallNews, auth).statusCode()).isEqualTo(204);
        String favorites = get("/api/miniapp/favorites", auth, false).body();
        assertThat(favorites.split("\"id\":", -1)).hasSize(3);
        assertThat(send("DELETE", "/api/miniapp/favorites/" + bigNews, auth).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/miniapp/favorites/" + bigNews, auth).statusCode()).isEqualTo(204);
        assertThat(get("/api/miniapp/favorites", auth, false).body()).doesNotContain("Большие новости")
                .contains("Малые новости");
        assertThat(send("PUT", "/api/miniapp/favorites/999999999", auth).statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheJsonApi() throws Exception {
        String spec = get("/swagger/chanmarket-0.1.yml", null, false).body();
        assertThat(spec).contains("/api/miniapp/catalog").contains("/api/miniapp/favorites/{channelId}")
                .contains("telegramInitData");
    }

    // --- helpers

    @Test
    void openingAStaleChannelAsksForFreshNumbersWithoutWaiting() throws Exception {
        long stale = catalog.aChannel().inCategory(design).titled("Иконки").withSubscribers(9_000).withReach(2_500)
                .withPrice(1_200).inCountry("Россия").withMalePct(50).create();
        String sql = "SELECT count(*) FROM parser_refresh_request WHERE channel_id = " + stale;
        assertThat(catalog.count(sql)).isZero();

        String card = get("/app/channels/" + stale, anna(), true).body();
        assertThat(card).contains("class=\"hint refreshing\"").contains("Обновляем статистику");
        get("/app/channels/" + stale, anna(), true);
        assertThat(catalog.count(sql)).isEqualTo(1);

        long fresh = catalog.aChannel().inCategory(design).titled("Палитры").withSubscribers(7_000).withReach(2_000)
                .withPrice(1_000).inCountry("Россия").withMalePct(50).create();
        catalog.markFresh(fresh);
        assertThat(get("/app/channels/" + fresh, anna(), true).body()).doesNotContain("hint refreshing");
        assertThat(catalog.count("SELECT count(*) FROM parser_refresh_request WHERE channel_id = " + fresh)).isZero();
    }

    private static String anna() {
        return SignedInitData.forUser(ANNA, "Анна", "ru", null);
    }

    private static String john() {
        return SignedInitData.forUser(JOHN, "John", "en", null);
    }

    private HttpResponse<String> get(String path, String initData, boolean htmx) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base().resolve(path)).GET();
        if (initData != null) {
            builder.header("Authorization", "tma " + initData);
        }
        if (htmx) {
            builder.header("HX-Request", "true");
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String initData) throws Exception {
        return send("POST", path, initData);
    }

    private HttpResponse<String> send(String method, String path, String initData) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "tma " + initData);
        if (path.startsWith("/app/")) {
            request.header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI base() {
        return app.context().getBean(EmbeddedServer.class).getURI();
    }
}
