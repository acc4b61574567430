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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Mini App in a real headless Chromium, opened the way Telegram opens it (signed initData, theme and start
 * parameter in the URL fragment), with a local stand-in for telegram-web-app.js. Screenshots go to
 * {@code target/screenshots}. Skipped when Chromium or chromedriver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniAppBrowserIT {

    private static final long USER = 6_000_001L;
    private static final String THEME = "{\"bg_color\":\"#17212b\",\"text_color\":\"#f5f5f5\",\"hint_color\":\"#708499\","
            + "\"link_color\":\"#6ab3f3\",\"button_color\":\"#5288c1\",\"button_text_color\":\"#ffffff\","
            + "\"secondary_bg_color\":\"#232e3c\"}";

    private Application.Running app;
    private TestCatalog catalog;
    private ChromeDriver browser;
    private long design;
    private long logos;
    private long fonts;

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
        design = catalog.aCategory("Браузерный дизайн", "Browser design");
        logos = catalog.aChannel().inCategory(design).titled("Логотипы в браузере").withSubscribers(12_000)
                .withReach(3_000).withPrice(2_000).inCountry("Россия").withMalePct(40).create();
        fonts = catalog.aChannel().inCategory(design).titled("Шрифты в браузере").withSubscribers(8_000)
                .withReach(2_000).withPrice(1_000).inCountry("Беларусь").withMalePct(45).create();
        browser = HeadlessChromium.start("420,900");
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
    void clickThroughHomeCategoryChannelFavoriteAndBack() throws Exception {
        browser.get(launchUrl("/app", null));
        await(By.id("home"));
        assertThat(js("return window.__ready === true")).isEqualTo(true);
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(35, 46, 60)");
        screenshot("1-home");

        browser.findElement(By.cssSelector("#home .chips a[href='/app/categories/" + design + "']")).click();
        await(By.id("category"));
        assertThat(browser.getCurrentUrl()).endsWith("/app/categories/" + design);
        screenshot("2-category");

        browser.findElement(By.cssSelector("#rows a[href='/app/channels/" + logos + "']")).click();
        await(By.id("card"));
        assertThat(browser.findElement(By.cssSelector("#card h1")).getText()).isEqualTo("Логотипы в браузере");
        assertThat(browser.findElements(By.cssSelector("#card .slot.empty"))).hasSize(3);
        assertThat(js("return Telegram.WebApp.BackButton.isVisible")).isEqualTo(true);
        screenshot("3-card");

        browser.findElement(By.id("fav-btn")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("fav-btn"), "aria-pressed", "true"));
        assertThat(
                catalog.count("SELECT count(*) FROM favorite WHERE user_id = " + USER + " AND channel_id = " + logos))
                        .isEqualTo(1);
        assertThat(((Number) js("return window.__haptics")).intValue()).isGreaterThan(0);
        screenshot("4-favorite");

        js("Telegram.WebApp.BackButton._click()");
        await(By.id("category"));
        assertThat(browser.getCurrentUrl()).endsWith("/app/categories/" + design);
        screenshot("5-back");
    }

    @Test
    void aDeepLinkOpensTheChannelItNames() throws Exception {
        browser.get(launchUrl("/app", "ch_" + fonts));
        await(By.id("card"));
        assertThat(browser.findElement(By.cssSelector("#card h1")).getText()).isEqualTo("Шрифты в браузере");
        assertThat(browser.getCurrentUrl()).endsWith("/app/channels/" + fonts);
        screenshot("6-deep-link");
        browser.get(launchUrl("/app", "nosuch_code"));
        await(By.id("home"));
        assertThat(browser.findElement(By.cssSelector("#home .notice")).isDisplayed()).isTrue();
    }

    private String launchUrl(String path, String startParam) {
        String initData = SignedInitData.forUser(USER, "Браузер", "ru", startParam);
        String query = startParam == null ? "" : "?tgWebAppStartParam=" + startParam;
        return app.context().getBean(EmbeddedServer.class).getURI().resolve(path) + query + "#tgWebAppData="
                + URLEncoder.encode(initData, StandardCharsets.UTF_8)
                + "&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop&tgWebAppThemeParams="
                + URLEncoder.encode(THEME, StandardCharsets.UTF_8);
    }

    private void await(By locator) {
        HeadlessChromium.await(browser, locator);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
