package io.chanmarket.webapp.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.auth.AdminAccounts;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.core.mailing.SegmentFilter;
import io.chanmarket.core.mailing.Segments;
import io.chanmarket.testing.TestCatalog;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import io.chanmarket.webapp.miniapp.HeadlessChromium;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin panel as an operator uses it, in a real headless Chromium at desktop (1280 px) and phone (390 px) widths,
 * against the whole application with its mailing sender and a Bot API stand-in: a mailing that loses Telegram part-way
 * pauses itself and says why, resumes on the admin's click once Telegram is back, and its report adds up with nobody
 * messaged twice; test sends show their own result; reloading after a form does not repeat it; mass and destructive
 * actions ask first, with the count; the channel picker finds by name; the dashboard's figures move by exactly the
 * events written. Screenshots go to {@code target/screenshots/operator-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminOperatorBrowserIT {

    private static final int RECIPIENTS = 40;
    private static final long FIRST_USER = 7_100_000L;
    private static final long ADMIN_TELEGRAM_ID = 7_199_999L;

    private Application.Running app;
    private BotApiStandIn telegram;
    private TestCatalog catalog;
    private Connection db;
    private ChromeDriver browser;
    private URI base;

    @BeforeAll
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        telegram = new BotApiStandIn();
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties());
        props.put("micronaut.server.port", "-1");
        props.put("app.catalog.demo-data", "false");
        props.put("app.admin.bcrypt-cost", "4");
        props.put("app.admin.logos.dir", Files.createTempDirectory("logos").toString());
        props.put("app.bot.token", BotApiStandIn.TOKEN);
        props.put("app.bot.api-url", telegram.url());
        props.put("app.roles.bot", "false"); // the sender only: no polling
        props.put("app.mailing.rate", "4");
        props.put("app.mailing.max-in-flight", "4");
        props.put("app.mailing.lease-ttl", "3s");
        props.put("app.mailing.probe-every", "500ms");
        props.put("app.mailing.connect-timeout", "1s");
        app = Application.start(new String[0], props);
        base = app.context().getBean(EmbeddedServer.class).getURI();
        app.context().getBean(AdminAccounts.class).create("operator", Role.ADMIN, "operator-password-1");
        catalog = new TestCatalog();
        TestInfrastructure.Database d = TestInfrastructure.database();
        db = DriverManager.getConnection(d.url(), d.username(), d.password());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (catalog != null) {
            catalog.close();
        }
        if (db != null) {
            db.close();
        }
        if (app != null) {
            app.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void aMailingThatLosesTelegramPausesSaysWhyResumesAndAddsUp() throws Exception {
        insertUsers("xb");
        long segment = app.context().getBean(Segments.class)
                .createManual(new SegmentFilter("Браузерный сегмент", "xb", false, null, null));
        long category = catalog.aCategory("Категория рассылки", "Mailing category");
        long channel = catalog.aChannel().inCategory(category).titled("Горячий канал Альфа").withSubscribers(12_000)
                .withReach(4_000).withPrice(11_500).inCountry("RU").withMalePct(50).create();
        telegram.latency(Duration.ofMillis(100));
        browser = HeadlessChromium.start("1280,1000", "--lang=ru-RU");
        signIn();

        // compose, with the channel chosen by name
        browser.get(base.resolve("/admin/mailings/new").toString());
        browser.findElement(By.id("title")).sendKeys("Горячий слот");
        browser.findElement(By.id("text")).sendKeys("<b>Горячий слот</b> в канале");
        browser.findElement(By.id("buttonChannelId-q")).sendKeys("Альф");
        await(By.cssSelector(".picker-list button[data-id='" + channel + "']")).click();
        assertThat(browser.findElement(By.id("buttonChannelId")).getAttribute("value"))
                .isEqualTo(String.valueOf(channel));
        assertThat(browser.findElement(By.id("buttonChannelId-q")).getAttribute("value"))
                .isEqualTo("Горячий канал Альфа");
        // a late search answer must not reopen the list
        Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                .until(() -> browser.findElements(By.cssSelector(".picker-list button")).isEmpty());
        browser.findElement(By.id("buttonText")).sendKeys("Открыть");
        browser.findElement(By.cssSelector("input[name='seg_" + segment + "']")).click();
        shot("operator-1-compose-picker");
        browser.findElement(By.cssSelector("form[action='/admin/mailings'] button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().matches(".*/admin/mailings/\\d+$"));
        long mailing = idIn(browser.getCurrentUrl());
        assertThat(browser.findElement(By.id("buttonChannelId-q")).getAttribute("value"))
                .isEqualTo("Горячий канал Альфа");

        // a test send shows its own result; reloading does not send another
        WebElement testUser = browser.findElement(By.id("telegramUserId"));
        testUser.clear();
        testUser.sendKeys(String.valueOf(ADMIN_TELEGRAM_ID));
        browser.findElement(By.cssSelector("form[action$='/test'] button")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin/mailings/" + mailing + "#tests"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> testStatuses(mailing))
                .until(d -> testStatuses(mailing).contains("DELIVERED"));
        await(By.cssSelector(".test-send [data-status='DELIVERED']"));
        browser.navigate().refresh();
        await(By.cssSelector(".test-send [data-status='DELIVERED']"));
        assertThat(browser.findElements(By.cssSelector(".test-send"))).hasSize(1);
        assertThat(telegram.perChat().get(ADMIN_TELEGRAM_ID)).isEqualTo(1L);
        shot("operator-2-test-delivered");

        // starting asks first, with the count; "no" leaves it a draft
        browser.findElement(By.id("start")).click();
        Alert confirm = alert();
        assertThat(confirm.getText()).contains(String.valueOf(RECIPIENTS));
        confirm.dismiss();
        assertThat(state(mailing)).isEqualTo("DRAFT");
        browser.findElement(By.id("start")).click();
        alert().accept();
        await(By.id("progress"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/mailings/" + mailing);
        browser.navigate().refresh(); // a GET: nothing is started again
        await(By.id("progress"));
        assertThat(count("SELECT count(*) FROM mailing WHERE NOT is_test AND title = 'Горячий слот'")).isEqualTo(1);

        // Telegram goes away part-way: the mailing pauses itself and says why
        waitFor(d -> delivered(mailing) >= 8);
        telegram.goDown();
        WebElement reason = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("pause-reason")));
        assertThat(reason.getText()).contains("Telegram недоступен");
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("на паузе");
        assertThat(Long.parseLong(browser.findElement(By.id("not-sent")).getText().replaceAll("\\D", ""))).isPositive();
        int acceptedDuringOutage = telegram.accepted().size();
        shot("operator-3-paused-telegram-unreachable");

        // a test send during the outage says it was not sent, and why
        browser.findElement(By.cssSelector("form[action$='/test'] button")).click();
        WebElement notSent = await(By.cssSelector(".test-send [data-status='NOT_SENT']"));
        assertThat(notSent.findElement(By.xpath("../..")).findElement(By.cssSelector(".test-reason")).getText())
                .contains("Не дошло до Telegram");
        assertThat(browser.findElements(By.cssSelector(".test-send"))).hasSize(2);
        shot("operator-4-test-not-sent");

        // Telegram answers again: the page says so; the admin resumes
        telegram.comeBack();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("telegram-back")));
        assertThat(telegram.accepted()).hasSize(acceptedDuringOutage);
        shot("operator-5-telegram-back");
        browser.findElement(By.id("resume")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("state")).getText().equals("завершена");
        });
        shot("operator-6-report");

        // the report adds up, nobody got two
        // (calls cut off in flight when Telegram went away are "unknown": at most the 4 calls in flight)
        assertThat(number("unknown")).isLessThanOrEqualTo(4);
        assertThat(number("delivered") + number("unknown")).isEqualTo(RECIPIENTS);
        assertThat(number("blocked") + number("failed") + number("not-sent")).isZero();
        assertThat(number("total")).isEqualTo(RECIPIENTS);
        Map<Long, Long> perChat = telegram.perChat();
        for (long user = FIRST_USER; user < FIRST_USER + RECIPIENTS; user++) {
            String status = recipientStatus(mailing, user);
            assertThat(status).isIn("DELIVERED", "UNKNOWN");
            assertThat(perChat.getOrDefault(user, 0L)).as("messages to %d (%s)", user, status)
                    .isEqualTo(status.equals("DELIVERED") ? 1L : perChat.getOrDefault(user, 0L))
                    .isLessThanOrEqualTo(1L);
        }
        assertThat(perChat.get(ADMIN_TELEGRAM_ID)).as("one delivered test, one not sent").isEqualTo(1L);
    }

    @Test
    void destructiveActionsAskFirstAndReloadDoesNotRepeatThem() throws Exception {
        long category = catalog.aCategory("Категория удаления", "Deletion category");
        long channel = catalog.aChannel().inCategory(category).titled("Канал на удаление").withSubscribers(1_000)
                .withReach(300).withPrice(5_000).inCountry("RU").withMalePct(50).create();
        browser = HeadlessChromium.start("1280,1000", "--lang=ru-RU");
        signIn();
        browser.get(base.resolve("/admin/channels/" + channel).toString());
        browser.findElement(By.id("delete-channel")).click();
        Alert confirm = alert();
        assertThat(confirm.getText()).contains("Канал на удаление");
        confirm.dismiss();
        assertThat(count("SELECT count(*) FROM channel WHERE id = " + channel)).isEqualTo(1);
        shot("operator-7-delete-asks");
        browser.findElement(By.id("delete-channel")).click();
        alert().accept();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin/channels"));
        browser.navigate().refresh();
        assertThat(browser.getCurrentUrl()).endsWith("/admin/channels");
        assertThat(count("SELECT count(*) FROM channel WHERE id = " + channel)).isZero();
    }

    @Test
    void theDashboardMovesByExactlyTheEventsWrittenAndFitsAPhone() throws Exception {
        browser = HeadlessChromium.start("500,900", "--lang=ru-RU");
        // Chromium's headless window is at least 500 px wide: a phone's 390 px viewport is emulated
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        signIn();
        browser.get(base.resolve("/admin").toString());
        Map<String, long[]> before = figures();
        long category = catalog.aCategory("Категория панели", "Dashboard category");
        long channel = catalog.aChannel().inCategory(category).titled("Канал панели").withSubscribers(1_000)
                .withReach(300).withPrice(5_000).inCountry("RU").withMalePct(50).create();
        long u1 = FIRST_USER + 500;
        long u2 = FIRST_USER + 501;
        insertUser(u1, "xd");
        insertUser(u2, "xd");
        event("MINIAPP_OPEN", u1, channel, "now()");
        event("MINIAPP_OPEN", u1, channel, "now()");
        event("MINIAPP_OPEN", u2, channel, "now() - interval '3 days'");
        event("MINIAPP_OPEN", u2, channel, "now() - interval '20 days'");
        for (int i = 0; i < 3; i++) {
            event("CHANNEL_OPEN", u1, channel, "now()");
        }
        event("CHANNEL_OPEN", u2, channel, "now() - interval '2 days'");
        event("PRICE_CLICK", u1, channel, "now()");
        event("CONTACT_MANAGER_CLICK", u2, channel, "now() - interval '1 day'");
        event("FAVORITE_ADD", u1, channel, "now()");
        update("INSERT INTO tracked_link_arrival (link_id, user_id) SELECT id, " + u1
                + " FROM tracked_link WHERE channel_id = " + channel);

        browser.navigate().refresh();
        Map<String, long[]> after = figures();
        assertDelta(before, after, "miniapp-users", 1, 2);
        assertDelta(before, after, "channel-opens", 3, 4);
        assertDelta(before, after, "price-clicks", 1, 1);
        assertDelta(before, after, "contact-clicks", 0, 1);
        assertDelta(before, after, "favorites", 1, 1);
        assertDelta(before, after, "arrivals", 1, 1);
        assertThat(browser.findElement(By.id("fig-channel-opens")).getAttribute("href"))
                .endsWith("/admin/analytics/openings");

        // a phone: no sideways scrolling, the navigation collapses behind its button
        shot("operator-8-dashboard-phone");
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue())
                .isEqualTo(390);
        assertThat(scrollWidth()).as(overflowing()).isLessThanOrEqualTo(390);
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("label.nav-button")).click();
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isTrue();
        shot("operator-9-dashboard-phone-menu");
        browser.get(base.resolve("/admin/mailings/new").toString());
        assertThat(scrollWidth()).as(overflowing()).isLessThanOrEqualTo(390);
        shot("operator-10-mailing-phone");
    }

    private void assertDelta(Map<String, long[]> before, Map<String, long[]> after, String key, long today, long week) {
        assertThat(after.get(key)[0] - before.get(key)[0]).as(key + " today").isEqualTo(today);
        assertThat(after.get(key)[1] - before.get(key)[1]).as(key + " 7 days").isEqualTo(week);
    }

    private Map<String, long[]> figures() {
        Map<String, long[]> out = new HashMap<>();
        for (WebElement card : browser.findElements(By.cssSelector("#dashboard a.card[id^='fig-']"))) {
            var today = card.findElements(By.cssSelector("[data-today]"));
            if (today.isEmpty()) {
                continue;
            }
            out.put(card.getAttribute("id").substring(4), new long[] {
                    Long.parseLong(today.get(0).getAttribute("data-today")),
                    Long.parseLong(card.findElement(By.cssSelector("[data-week]")).getAttribute("data-week")) });
        }
        return out;
    }

    /** The elements reaching past the window's right edge, for the failure message. */
    private String overflowing() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right"
                        + " > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id"
                        + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"));
    }

    private long scrollWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
                .longValue();
    }

    private void signIn() {
        browser.get(base.resolve("/admin/login").toString());
        browser.findElement(By.id("username")).sendKeys("operator");
        browser.findElement(By.id("password")).sendKeys("operator-password-1");
        browser.findElement(By.cssSelector("form[action='/admin/login'] button[type=submit]")).click();
        await(By.id("nav"));
        browser.get(base.resolve("/admin/lang/ru").toString()); // Russian first, as the operators use it
        await(By.id("nav"));
    }

    private long number(String id) {
        return Long.parseLong(browser.findElement(By.id(id)).getText().replaceAll("\\D", ""));
    }

    private Alert alert() {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
    }

    private WebElement await(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition::apply);
    }

    private void shot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }

    private static long idIn(String url) {
        Matcher m = Pattern.compile("/(\\d+)$").matcher(url);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private void insertUsers(String language) throws Exception {
        for (long id = FIRST_USER; id < FIRST_USER + RECIPIENTS; id++) {
            insertUser(id, language);
        }
    }

    private void insertUser(long id, String language) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO telegram_user (id, first_name, language_code) VALUES (?, 'User', ?) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, id);
            ps.setString(2, language);
            ps.executeUpdate();
        }
    }

    private void event(String type, long user, long channel, String at) throws Exception {
        update("INSERT INTO event_log (occurred_at, type, user_id, channel_id) VALUES (" + at + ", '" + type + "', "
                + user + ", " + channel + ")");
    }

    private void update(String sql) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long delivered(long mailing) {
        try {
            return count(
                    "SELECT count(*) FROM mailing_recipient WHERE status = 'DELIVERED' AND mailing_id = " + mailing);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String recipientStatus(long mailing, long user) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT status FROM mailing_recipient WHERE mailing_id = " + mailing + " AND user_id = " + user);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String testStatuses(long mailing) {
        try (PreparedStatement ps = db.prepareStatement("SELECT string_agg(r.status || ' ' || coalesce(r.error, ''),"
                + " '; ') FROM mailing m JOIN mailing_recipient r ON r.mailing_id = m.id WHERE m.test_of = " + mailing);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return String.valueOf(rs.getString(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String state(long mailing) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("SELECT state FROM mailing WHERE id = " + mailing);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
