package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.webapp.ads.AdApi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The sponsored card in a real headless Chromium, opened the way Telegram opens the Mini App: a targeted campaign with
 * an image stays hidden until the viewer fills the profile form so that it fits, then shows with its "Ad" label, and a
 * tap on it is a click in the engine's statistics. Screenshots go to {@code target/screenshots}. Skipped when Chromium
 * or chromedriver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SponsoredCardBrowserIT {

    private static final long USER = 7_200_001L;

    private SponsoredFixture engine;
    private ChromeDriver browser;
    private String campaign;

    @BeforeAll
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        engine = new SponsoredFixture(Map.of("app.miniapp.telegram-script", "/static/test/telegram-web-app.js"));
        engine.aCategoryWithAChannel("Кофейни в браузере", "Coffee in a browser", "Кофе у дома");
        String advertiser = engine.advertiser();
        campaign = engine.campaign(advertiser, "Кофейня «Зерно»", "Второй капучино в подарок: t.me/zerno_coffee",
                Map.of("gender", "FEMALE", "age_from", 20, "age_to", 40, "location", "Казань"));
        HttpResponse<String> image = HttpClient.newHttpClient().send(
                HttpRequest
                        .newBuilder(engine.uri()
                                .resolve("/advertisers/" + advertiser + "/campaigns/" + campaign + "/ad_image"))
                        .header("Content-Type", "image/png").header("X-Api-Key", AdApi.TEST_OPERATOR_KEY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(png())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
        browser = HeadlessChromium.start("420,900");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void fillTheProfileSeeTheAdAndTapIt() throws Exception {
        browser.get(launchUrl());
        HeadlessChromium.await(browser, By.id("home"));
        // Nothing fits a viewer who told nothing: the slot stays empty.
        HeadlessChromium.await(browser, By.cssSelector("#home .ad-slot"));
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> browser.findElements(By.cssSelector("aside#sponsored")).isEmpty());

        browser.findElement(By.cssSelector(".tabs a[data-tab=profile]")).click();
        HeadlessChromium.await(browser, By.id("profile-form"));
        WebElement age = browser.findElement(By.name("age"));
        age.sendKeys("9");
        browser.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
        HeadlessChromium.await(browser, By.id("age-error"));
        assertThat(browser.findElement(By.id("age-error")).getText()).isEqualTo("Возраст — от 14 до 120.");
        HeadlessChromium.screenshot(browser, "sponsored-1-profile-error");

        age = browser.findElement(By.name("age"));
        age.clear();
        age.sendKeys("27");
        new Select(browser.findElement(By.name("gender"))).selectByValue("female");
        browser.findElement(By.name("location")).sendKeys("Казань");
        browser.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
        HeadlessChromium.await(browser, By.id("profile-saved"));
        HeadlessChromium.screenshot(browser, "sponsored-2-profile-saved");

        browser.findElement(By.cssSelector(".tabs a[data-tab=home]")).click();
        HeadlessChromium.await(browser, By.cssSelector("aside#sponsored .ad-label"));
        assertThat(browser.findElement(By.cssSelector("aside#sponsored .ad-label")).getText())
                .isEqualToIgnoringCase("Реклама");
        assertThat(browser.findElement(By.cssSelector("aside#sponsored .ad-title")).getText())
                .isEqualTo("Кофейня «Зерно»");
        HeadlessChromium.await(browser, By.cssSelector("aside#sponsored img"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(
                d -> ((Number) js("return document.querySelector('aside#sponsored img').naturalWidth")).intValue() > 0);
        HeadlessChromium.screenshot(browser, "sponsored-3-card");
        // A native slot: after the catalog's first rows, never above them.
        assertThat(js("return !!(document.querySelector('#home .row').compareDocumentPosition("
                + "document.getElementById('sponsored')) & Node.DOCUMENT_POSITION_FOLLOWING)")).isEqualTo(true);
        assertThat(js("return document.querySelector('#home h1').compareDocumentPosition("
                + "document.getElementById('sponsored')) & Node.DOCUMENT_POSITION_FOLLOWING")).isNotEqualTo(0L);

        // The advertiser's link (from the ad text) opens through Telegram in the tap itself; the click is counted.
        assertThat(browser.findElement(By.cssSelector("aside#sponsored .hint")).getText()).isEqualTo("Открыть");
        js("window.__opened = []; window.__links = [];");
        browser.findElement(By.cssSelector("aside#sponsored .ad-body")).click();
        HeadlessChromium.await(browser, By.cssSelector("aside#sponsored .ad-thanks"));
        HeadlessChromium.screenshot(browser, "sponsored-4-clicked");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> ((Number) js("return window.__opened.length")).intValue() > 0);
        assertThat(js("return window.__opened")).asList().containsExactly("https://t.me/zerno_coffee");
        assertThat(js("return window.__links")).asList().isEmpty();
        assertThat(engine.stats(campaign)).containsEntry("impressions_count", 1).containsEntry("clicks_count", 1);
        // Opening it again from the thanked card does not count a second click.
        browser.findElement(By.cssSelector("aside#sponsored a.ad-open")).click();
        assertThat(js("return window.__opened")).asList().hasSize(2);
        assertThat(engine.stats(campaign)).containsEntry("clicks_count", 1);
    }

    private String launchUrl() {
        String initData = SignedInitData.forUser(USER, "Зритель", "ru", null);
        return engine.uri().resolve("/app") + "#tgWebAppData=" + URLEncoder.encode(initData, StandardCharsets.UTF_8)
                + "&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop";
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(320, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x6f, 0x4e, 0x37));
        g.fillRect(0, 0, 320, 160);
        g.setColor(new Color(0xf5, 0xe6, 0xd3));
        g.fillOval(110, 30, 100, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
