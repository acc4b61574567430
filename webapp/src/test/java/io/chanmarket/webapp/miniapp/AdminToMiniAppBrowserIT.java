package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.auth.AdminAccounts;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.testing.TestCatalog;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One session across the admin panel and the Mini App in a real headless Chromium: an admin signs in, creates a channel
 * and uploads its logo; the Mini App shows the channel with the logo; the admin opens its openings chart. Screenshots
 * go to {@code target/screenshots}. Skipped when Chromium or chromedriver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminToMiniAppBrowserIT {

    private static final long USER = 6_000_002L;

    private Application.Running app;
    private TestCatalog catalog;
    private ChromeDriver browser;
    private URI base;

    @BeforeAll
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties());
        props.put("micronaut.server.port", "-1");
        props.put("app.catalog.demo-data", "false");
        props.put("app.miniapp.bot-token", SignedInitData.BOT_TOKEN);
        props.put("app.miniapp.telegram-script", "/static/test/telegram-web-app.js");
        props.put("app.admin.bcrypt-cost", "4");
        props.put("app.admin.bootstrap.username", "browser-admin");
        props.put("app.admin.bootstrap.password", "browser-password-1");
        props.put("app.admin.logos.dir", Files.createTempDirectory("logos").toString());
        props.put("app.analytics.max-staleness", "0s");
        app = Application.start(new String[0], props);
        base = app.context().getBean(EmbeddedServer.class).getURI();
        // The bootstrap creates an admin only in an empty database; other tests of this run may have made one.
        app.context().getBean(AdminAccounts.class).create("browser-admin", Role.ADMIN, "browser-password-1");
        catalog = new TestCatalog();
        browser = HeadlessChromium.start("1200,900", "--lang=en-US");
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
    void signInCreateAChannelWithALogoSeeItInTheMiniAppAndOpenItsChart() throws Exception {
        long category = catalog.aCategory("Сквозная категория", "End-to-end category");

        browser.get(base.resolve("/admin/login").toString());
        browser.findElement(By.id("username")).sendKeys("browser-admin");
        browser.findElement(By.id("password")).sendKeys("browser-password-1");
        browser.findElement(By.cssSelector("form[action='/admin/login'] button[type=submit]")).click();
        await(By.cssSelector("a[href='/admin/analytics']"));
        screenshot("admin-1-signed-in");

        browser.get(base.resolve("/admin/channels/new").toString());
        browser.findElement(By.id("title")).sendKeys("Канал из браузера");
        new Select(browser.findElement(By.id("categoryId"))).selectByValue(String.valueOf(category));
        browser.findElement(By.id("priceRub")).sendKeys("12000");
        browser.findElement(By.cssSelector("form[action='/admin/channels'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.urlMatches("/admin/channels/\\d+$"));
        Matcher m = Pattern.compile("/admin/channels/(\\d+)$").matcher(browser.getCurrentUrl());
        assertThat(m.find()).isTrue();
        long channel = Long.parseLong(m.group(1));

        Path logo = Files.createTempFile("logo", ".png");
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e86de));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ImageIO.write(image, "png", logo.toFile());
        browser.findElement(By.id("logo-file")).sendKeys(logo.toString());
        browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
        await(By.cssSelector("img[src^='/media/logos/']"));
        screenshot("admin-2-channel-with-logo");

        browser.get(launchUrl("ch_" + channel));
        await(By.id("card"));
        assertThat(browser.findElement(By.cssSelector("#card h1")).getText()).isEqualTo("Канал из браузера");
        assertThat(browser.findElements(By.cssSelector("#card img[src^='/media/logos/']"))).isNotEmpty();
        screenshot("admin-3-miniapp-card");

        String chart = base.resolve("/admin/analytics/openings?preset=14d&channel=" + channel).toString();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            d.get(chart);
            return d.findElements(By.cssSelector("#openings-table td")).stream()
                    .anyMatch(td -> td.getText().equals("1"));
        });
        assertThat(browser.findElements(By.cssSelector("svg.chart rect"))).hasSize(14);
        screenshot("admin-4-openings-chart");
    }

    private String launchUrl(String startParam) {
        String initData = SignedInitData.forUser(USER, "Браузер", "ru", startParam);
        return base.resolve("/app") + "?tgWebAppStartParam=" + startParam + "#tgWebAppData="
                + URLEncoder.encode(initData, StandardCharsets.UTF_8)
                + "&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop";
    }

    private void await(By locator) {
        HeadlessChromium.await(browser, locator);
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
