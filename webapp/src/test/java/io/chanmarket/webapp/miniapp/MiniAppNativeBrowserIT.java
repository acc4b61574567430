package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestCatalog;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Mini App's native look and behaviour in a real headless Chromium at a phone's size (390x844), opened the way
 * Telegram opens it, in Russian with the light theme and in English with the dark one: tap-target sizes measured, the
 * tab bar's marker, MainButton and haptics, filters kept in the URL through a card and back and a reload, a bad filter
 * refused next to its field, links through Telegram's openers, the loading bar and the offline toast, history charts,
 * the comparison and its deep link, and empty states. Screenshots go to {@code target/screenshots/native-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniAppNativeBrowserIT {

    private static final long RU_USER = 6_100_001L;
    private static final long EN_USER = 6_100_002L;
    private static final String LIGHT = "{\"bg_color\":\"#ffffff\",\"secondary_bg_color\":\"#efeff3\","
            + "\"section_bg_color\":\"#ffffff\",\"text_color\":\"#000000\",\"hint_color\":\"#999999\","
            + "\"link_color\":\"#2481cc\",\"button_color\":\"#2481cc\",\"button_text_color\":\"#ffffff\","
            + "\"accent_text_color\":\"#2481cc\",\"destructive_text_color\":\"#d14e4e\"}";
    private static final String DARK = "{\"bg_color\":\"#17212b\",\"secondary_bg_color\":\"#232e3c\","
            + "\"section_bg_color\":\"#17212b\",\"text_color\":\"#f5f5f5\",\"hint_color\":\"#708499\","
            + "\"link_color\":\"#6ab3f3\",\"button_color\":\"#5288c1\",\"button_text_color\":\"#ffffff\","
            + "\"accent_text_color\":\"#6ab2f2\",\"destructive_text_color\":\"#ec3942\"}";

    private Application.Running app;
    private TestCatalog catalog;
    private ChromeDriver browser;
    private long design;
    private long empty;
    private long big;
    private long mid;
    private long small;

    @BeforeAll
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties());
        props.put("micronaut.server.port", "-1");
        props.put("app.catalog.demo-data", "false");
        props.put("app.miniapp.bot-token", SignedInitData.BOT_TOKEN);
        props.put("app.miniapp.telegram-script", "/static/test/telegram-web-app.js");
        app = Application.start(new String[0], props);
        catalog = new TestCatalog();
        design = catalog.aCategory("Нативный дизайн", "Native design");
        empty = catalog.aCategory("Пустая рубрика", "Empty section");
        big = catalog.aChannel().inCategory(design).titled("Большой нативный").withSubscribers(90_000).withReach(20_000)
                .withPrice(30_000).inCountry("Россия").withMalePct(40).create();
        mid = catalog.aChannel().inCategory(design).titled("Средний нативный").withSubscribers(40_000).withReach(9_000)
                .withPrice(9_000).inCountry("Казахстан").withMalePct(55).create();
        small = catalog.aChannel().inCategory(design).titled("Малый нативный").withSubscribers(9_000).withReach(3_000)
                .withPrice(2_500).inCountry("Беларусь").withMalePct(60).create();
        for (int i = 0; i < 3; i++) {
            catalog.aChannel().inCategory(design).titled("Демо нативный " + i).withSubscribers(5_000 + i)
                    .withReach(1_000).withPrice(1_000).inCountry("Россия").withMalePct(50).create();
        }
        catalog.execute("UPDATE channel SET is_demo = TRUE, tgstat_url = 'https://tgstat.ru/channel/@x',"
                + " telemetr_url = 'https://telemetr.me/@x' WHERE title LIKE 'Демо нативный%' OR id = " + big);
        catalog.execute("UPDATE channel SET is_demo = FALSE WHERE id = " + big);
        // 60 days of parser history for the big channel (growing), and one price change 20 days ago.
        catalog.execute("INSERT INTO channel_metric_history (channel_id, source, fetched_at, subscribers, avg_reach,"
                + " err_pct) SELECT " + big + ", 'TGSTAT_HTML', now() - make_interval(days => d),"
                + " 90000 - d * 300, 20000 - d * 50, 22 + (d % 5) FROM generate_series(0, 60) d");
        catalog.execute("INSERT INTO audit_log (at, actor_username, action, entity, entity_id, before_json, after_json)"
                + " VALUES (now() - interval '20 days', 'admin', 'UPDATE', 'channel', '" + big + "',"
                + " '{\"priceRub\":25000}', '{\"priceRub\":30000}')");
        browser = HeadlessChromium.start("390,844");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (catalog != null) {
            catalog.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void looksNativeWithTapTargetsTabMarkerMainButtonAndHaptics() throws Exception {
        open("/app", null, RU_USER, "ru", LIGHT);
        await(By.id("home"));
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(239, 239, 243)");
        assertThat(js("return getComputedStyle(document.querySelector('.list')).backgroundColor"))
                .isEqualTo("rgb(255, 255, 255)");
        // The shell came in the browser's language (English here); the tab bar follows the user's Telegram language.
        awaitJs("return document.querySelector('.tabs a[data-tab=home]').textContent.includes('Каталог')");
        awaitJs("return document.querySelector('.tabs a[aria-current=page]') !== null");
        assertThat(browser.findElement(By.cssSelector(".tabs a[aria-current=page]")).getAttribute("data-tab"))
                .isEqualTo("home");
        assertTapTargets(".tabs a", ".chips a");
        // The demo mark is a short tag inside the title, not a bar across the row.
        assertThat(((Number) js("var t = document.querySelector('#home .row .tag');"
                + " return t ? t.getBoundingClientRect().width : 0")).doubleValue()).isBetween(1.0, 120.0);
        screenshot("native-1-home-ru-light");

        browser.findElement(By.cssSelector("#home .chips a[href='/app/categories/" + design + "']")).click();
        await(By.id("category"));
        assertTapTargets("#rows .row", "#filters select", "#filters input[type=search]", "summary");
        screenshot("native-2-category-ru-light");

        tap(By.cssSelector("#rows a[href='/app/channels/" + big + "']"));
        await(By.id("card"));
        assertTapTargets(".actions .btn", ".links a", ".seg a", ".head a.hint");
        // The card header keeps its distance from the top of the view.
        assertThat(
                ((Number) js("return document.querySelector('#card .head').getBoundingClientRect().top")).doubleValue())
                        .isGreaterThanOrEqualTo(8.0);
        assertThat(js("return Telegram.WebApp.MainButton.isVisible")).isEqualTo(true);
        assertThat(js("return Telegram.WebApp.MainButton.text")).isEqualTo("Связаться с менеджером");
        assertThat(browser.findElement(By.cssSelector(".actions .mb-fallback")).isDisplayed()).isFalse();
        js("Telegram.WebApp.MainButton._click()");
        awaitJs("return window.__opened.length > 0");
        assertThat((String) js("return window.__opened[0]")).startsWith("https://t.me/");
        assertThat(catalog.count("SELECT count(*) FROM event_log WHERE type = 'CONTACT_MANAGER_CLICK' AND user_id = "
                + RU_USER + " AND channel_id = " + big)).isEqualTo(1);

        tap(By.id("fav-btn"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.id("fav-btn")).getAttribute("aria-pressed")));
        assertThat(js("return window.__notifications")).asList().contains("success");
        screenshot("native-3-card-ru-light");

        // Leaving the card hides the MainButton again.
        browser.findElement(By.cssSelector(".tabs a[data-tab=favorites]")).click();
        await(By.id("favorites"));
        awaitJs("return Telegram.WebApp.MainButton.isVisible === false");
        assertThat(browser.findElement(By.cssSelector(".tabs a[aria-current=page]")).getAttribute("data-tab"))
                .isEqualTo("favorites");
    }

    @Test
    void filtersLiveInTheUrlSurviveACardBackAndReloadAndABadValueIsRefusedInline() throws Exception {
        open("/app/categories/" + design, null, RU_USER, "ru", LIGHT);
        await(By.id("category"));
        new Select(browser.findElement(By.name("sort"))).selectByValue("price");
        awaitUrl("sort=price");
        new Select(browser.findElement(By.name("dir"))).selectByValue("asc");
        awaitUrl("dir=asc");
        browser.findElement(By.cssSelector("#filters summary")).click();
        WebElement min = browser.findElement(By.name("min_subscribers"));
        min.sendKeys("8000");
        min.sendKeys(org.openqa.selenium.Keys.TAB);
        awaitUrl("min_subscribers=8000");
        awaitJs("return document.querySelectorAll('#rows .row').length === 3");
        assertThat(rowTitles()).containsExactly("Малый нативный", "Средний нативный", "Большой нативный");

        tap(By.cssSelector("#rows a[href='/app/channels/" + mid + "']"));
        await(By.id("card"));
        js("Telegram.WebApp.BackButton._click()");
        await(By.id("filters"));
        assertThat(browser.getCurrentUrl()).contains("sort=price").contains("dir=asc").contains("min_subscribers=8000");
        assertThat(new Select(browser.findElement(By.name("sort"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("price");
        assertThat(browser.findElement(By.name("min_subscribers")).getAttribute("value")).isEqualTo("8000");
        assertThat(rowTitles()).containsExactly("Малый нативный", "Средний нативный", "Большой нативный");

        browser.navigate().refresh();
        await(By.id("filters"));
        assertThat(new Select(browser.findElement(By.name("dir"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("asc");
        assertThat(rowTitles()).containsExactly("Малый нативный", "Средний нативный", "Большой нативный");

        // Not a number: a message next to that field; the other filters and the rows stay.
        if (!browser.findElement(By.name("max_price")).isDisplayed()) {
            browser.findElement(By.cssSelector("#filters summary")).click();
        }
        WebElement maxPrice = browser.findElement(By.name("max_price"));
        maxPrice.sendKeys("дорого");
        maxPrice.sendKeys(org.openqa.selenium.Keys.TAB);
        awaitJs("return document.getElementById('err-max_price').textContent.length > 0");
        assertThat(browser.findElement(By.id("err-max_price")).getText()).isEqualTo("Введите число, например 1000.");
        assertThat(browser.findElements(By.id("notice"))).isEmpty();
        assertThat(browser.findElement(By.name("min_subscribers")).getAttribute("value")).isEqualTo("8000");
        assertThat(rowTitles()).hasSize(3);
        screenshot("native-4-filter-error-ru-light");
    }

    @Test
    void externalLinksGoThroughTelegramsOpeners() throws Exception {
        open("/app/channels/" + big, null, RU_USER, "ru", LIGHT);
        await(By.id("card"));
        String before = browser.getCurrentUrl();
        js("window.__opened = []; window.__links = [];");
        tap(By.xpath("//div[contains(@class,'links')]/a[1]"));
        tap(By.xpath("//div[contains(@class,'links')]/a[text()='TGStat']"));
        tap(By.xpath("//div[contains(@class,'links')]/a[text()='Telemetr']"));
        // the openers are called from the page's click listener: wait for all three instead of reading at once
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> ((List<?>) js("return window.__opened")).size()
                        + ((List<?>) js("return window.__links")).size() >= 3);
        assertThat(js("return window.__opened")).asList().hasSize(1).first().asString().startsWith("https://t.me/");
        assertThat(js("return window.__links")).asList().containsExactly("https://tgstat.ru/channel/@x",
                "https://telemetr.me/@x");
        assertThat(browser.getCurrentUrl()).isEqualTo(before);
        assertThat(browser.findElements(By.id("card"))).hasSize(1);
    }

    @Test
    void aSlowRequestShowsTheLoadingBarAndAnOfflineTapShowsARetryToast() throws Exception {
        open("/app", null, RU_USER, "ru", LIGHT);
        await(By.id("home"));
        browser.executeCdpCommand("Network.enable", Map.of());
        try {
            browser.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", false, "latency", 800, "downloadThroughput", -1, "uploadThroughput", -1));
            browser.findElement(By.cssSelector(".tabs a[data-tab=favorites]")).click();
            awaitJs("return document.documentElement.classList.contains('loading-now')");
            assertThat(((Number) js("return document.getElementById('progress').getBoundingClientRect().height"))
                    .doubleValue()).isGreaterThan(0);
            await(By.id("favorites"));
            awaitJs("return !document.documentElement.classList.contains('loading-now')");

            online(false);
            browser.findElement(By.cssSelector(".tabs a[data-tab=home]")).click();
            awaitJs("return !document.getElementById('toast').hidden");
            assertThat(browser.findElement(By.cssSelector("#toast span")).getText()).contains("Нет соединения");
            assertThat(browser.findElements(By.id("favorites"))).hasSize(1);
            screenshot("native-5-offline-toast");

            online(true);
            browser.findElement(By.cssSelector("#toast button")).click();
            await(By.id("home"));
            assertThat(browser.findElement(By.id("toast")).isDisplayed()).isFalse();
        } finally {
            online(true);
        }
    }

    private void online(boolean online) {
        browser.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void theShellShowsASkeletonBeforeThePage() throws Exception {
        open("/app", null, RU_USER, "ru", LIGHT);
        await(By.id("home"));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 1500, "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            // A plain load (as Telegram opens the app: no initData for the server yet) shows skeleton rows first.
            browser.get(app.context().getBean(EmbeddedServer.class).getURI().resolve("/app/favorites").toString());
            await(By.cssSelector(".skeleton .sk"));
            assertThat(browser.findElements(By.cssSelector(".skeleton .row")).size()).isGreaterThanOrEqualTo(3);
            screenshot("native-6-skeleton");
            await(By.id("favorites"));
        } finally {
            browser.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
    }

    @Test
    void theCardShowsHistoryChartsWithSourceAndWindows() throws Exception {
        open("/app/channels/" + big, null, RU_USER, "ru", LIGHT);
        await(By.cssSelector("#history .chart"));
        List<WebElement> charts = browser.findElements(By.cssSelector("#history .chart"));
        assertThat(charts).extracting(e -> e.getAttribute("data-series")).containsExactly("subscribers", "reach", "err",
                "price");
        for (String series : List.of("subscribers", "reach", "err", "price")) {
            String points = browser.findElement(By.cssSelector("#history [data-series=" + series + "] polyline"))
                    .getAttribute("points");
            assertThat(points.split(" ").length).as(series).isGreaterThanOrEqualTo(2);
        }
        // Subscribers grew over the last 30 days: the line ends higher (smaller y) than it starts.
        String[] subs = browser.findElement(By.cssSelector("#history [data-series=subscribers] polyline"))
                .getAttribute("points").split(" ");
        assertThat(Double.parseDouble(subs[subs.length - 1].split(",")[1]))
                .isLessThan(Double.parseDouble(subs[0].split(",")[1]));
        assertThat(browser.findElement(By.cssSelector("#history [data-series=price] .delta")).getText())
                .isEqualTo("+5 000 ₽"); // getText shows no-break spaces as spaces
        assertThat(browser.findElement(By.cssSelector("#history .src")).getText()).contains("TGStat")
                .contains("обновлено");
        int points30 = subs.length;
        tap(By.cssSelector("#history .seg a[href$='days=90']"));
        awaitJs("return document.querySelector('#history .seg a[aria-current=true]').href.endsWith('days=90')");
        int points90 = browser.findElement(By.cssSelector("#history [data-series=subscribers] polyline"))
                .getAttribute("points").split(" ").length;
        assertThat(points90).isGreaterThan(points30);
        js("document.getElementById('history').scrollIntoView()");
        screenshot("native-7-history-ru-light");
    }

    @Test
    void compareFromFavoritesAndByDeepLinkInEnglishDark() throws Exception {
        aUser(EN_USER, "en");
        catalog.execute("INSERT INTO favorite (user_id, channel_id) VALUES (" + EN_USER + ", " + big + "), (" + EN_USER
                + ", " + mid + "), (" + EN_USER + ", " + small + ") ON CONFLICT DO NOTHING");
        open("/app/favorites", null, EN_USER, "en", DARK);
        await(By.id("favorites"));
        assertTapTargets("#favorites .icon-btn");
        tap(By.cssSelector("input[name=ids][value='" + big + "']"));
        tap(By.cssSelector("input[name=ids][value='" + small + "']"));
        tap(By.cssSelector("#compare-pick button[type=submit]"));
        await(By.cssSelector("#compare table"));
        assertThat(browser.getCurrentUrl()).contains("/app/compare?ids=");
        assertThat(browser.findElements(By.cssSelector("#compare thead th a"))).hasSize(2);
        // Best value per row: more subscribers (big), lower price per 1,000 subscribers (big: 333 vs small: 278).
        assertThat(bestIn("Subscribers")).isEqualTo("90,000");
        assertThat(bestIn("Price per 1,000 subscribers")).isEqualTo("277.78 ₽");
        assertThat(cells("Geography")).anyMatch(v -> v.contains("Russia")).noneMatch(v -> v.contains("Россия"));
        assertThat(browser.findElement(By.id("cmp-share")).getAttribute("href"))
                .endsWith("startapp=cmp_" + big + "_" + small);
        assertThat(catalog.count("SELECT count(*) FROM event_log WHERE type = 'COMPARE_OPEN' AND user_id = " + EN_USER))
                .isGreaterThanOrEqualTo(1);
        screenshot("native-8-compare-en-dark");

        String payload = "cmp_" + big + "_" + mid + "_" + small;
        open("/app", payload, EN_USER, "en", DARK);
        await(By.cssSelector("#compare table"));
        assertThat(browser.findElements(By.cssSelector("#compare thead th a"))).hasSize(3);
        assertThat(browser.getCurrentUrl()).contains("/app/compare?ids=" + big + "," + mid + "," + small);
        assertThat(catalog.text("SELECT payload FROM event_log WHERE type = 'DEEP_LINK_ARRIVAL' AND user_id = "
                + EN_USER + " ORDER BY id DESC LIMIT 1")).isEqualTo(payload);
        screenshot("native-9-compare-deep-link-en-dark");

        // English card: country names in English, dark section colours.
        open("/app/channels/" + mid, null, EN_USER, "en", DARK);
        await(By.id("card"));
        assertThat(browser.findElement(By.cssSelector("#card .grid")).getText()).contains("Kazakhstan")
                .doesNotContain("Казахстан");
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(35, 46, 60)");
        assertThat(js("return Telegram.WebApp.MainButton.text")).isEqualTo("Contact manager");
        screenshot("native-10-card-en-dark");
    }

    @Test
    void emptyStatesOfferTheNextStepAndAFavoriteCanBeRemoved() throws Exception {
        long user = 6_100_003L;
        open("/app/favorites", null, user, "ru", LIGHT);
        await(By.id("favorites"));
        assertThat(browser.findElement(By.cssSelector("#favorites .empty a.btn")).getAttribute("href"))
                .endsWith("/app");
        screenshot("native-11-favorites-empty");

        aUser(user, "ru");
        catalog.execute("INSERT INTO favorite (user_id, channel_id) VALUES (" + user + ", " + small + ")");
        browser.findElement(By.cssSelector(".tabs a[data-tab=home]")).click();
        await(By.id("home"));
        browser.findElement(By.cssSelector(".tabs a[data-tab=favorites]")).click();
        await(By.id("fav-" + small));
        tap(By.cssSelector("#fav-" + small + " .icon-btn"));
        await(By.cssSelector("#favorites .empty"));
        assertThat(catalog.count("SELECT count(*) FROM favorite WHERE user_id = " + user)).isZero();

        tap(By.cssSelector("#favorites .empty a.btn"));
        await(By.id("home"));
        browser.findElement(By.cssSelector("#home .chips a[href='/app/categories/" + empty + "']")).click();
        await(By.id("category"));
        assertThat(browser.findElements(By.id("filters"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#category .empty a.btn")).getAttribute("href")).endsWith("/app");
        screenshot("native-12-category-empty");
    }

    private void aUser(long id, String language) throws Exception {
        catalog.execute("INSERT INTO telegram_user (id, first_name, language_code, first_seen_at, last_seen_at)"
                + " VALUES (" + id + ", 'Нативный', '" + language + "', now(), now()) ON CONFLICT (id) DO NOTHING");
    }

    /** Clicks like a finger: the element scrolled to the middle of the screen first (the tab bar covers the bottom). */
    private void tap(By locator) {
        WebElement element = browser.findElement(locator);
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void assertTapTargets(String... selectors) {
        for (String selector : selectors) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> boxes = (List<Map<String, Object>>) js("return Array.from("
                    + "document.querySelectorAll(arguments[0])).filter(e => e.offsetParent !== null).map(e => {"
                    + " const r = e.getBoundingClientRect(); return {h: r.height, w: r.width}; })", selector);
            assertThat(boxes).as(selector).isNotEmpty();
            for (Map<String, Object> box : boxes) {
                assertThat(((Number) box.get("h")).doubleValue()).as(selector + " height").isGreaterThanOrEqualTo(44);
                assertThat(((Number) box.get("w")).doubleValue()).as(selector + " width").isGreaterThanOrEqualTo(44);
            }
        }
    }

    private List<String> rowTitles() {
        return browser.findElements(By.cssSelector("#rows .row b")).stream().map(e -> e.getText().split(" · ")[0])
                .toList();
    }

    private String bestIn(String row) {
        return browser.findElement(By.xpath("//table//tr[th='" + row + "']/td[contains(@class,'best')]")).getText();
    }

    private List<String> cells(String row) {
        return browser.findElements(By.xpath("//table//tr[th='" + row + "']/td")).stream().map(WebElement::getText)
                .toList();
    }

    private void open(String path, String startParam, long user, String language, String theme) {
        browser.get("about:blank"); // a new launch, even when only the fragment differs from the current URL
        String initData = SignedInitData.forUser(user, "Нативный", language, startParam);
        String query = startParam == null ? "" : "?tgWebAppStartParam=" + startParam;
        browser.get(app.context().getBean(EmbeddedServer.class).getURI().resolve(path) + query + "#tgWebAppData="
                + URLEncoder.encode(initData, StandardCharsets.UTF_8)
                + "&tgWebAppVersion=8.0&tgWebAppPlatform=ios&tgWebAppThemeParams="
                + URLEncoder.encode(theme, StandardCharsets.UTF_8));
    }

    private void await(By locator) {
        HeadlessChromium.await(browser, locator);
    }

    private void awaitJs(String script) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js(script)));
    }

    private void awaitUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
