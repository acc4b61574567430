package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.webapp.Application;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's first run in a real Chromium: the app on its embedded defaults in an empty data folder, no bot token.
 * The landing page, the Mini App preview in a plain browser (home, a channel card, a favorite, the favorites page, a
 * deep link), and the admin sign-in with the password printed on the console, which must be changed first. Screenshots:
 * {@code target/screenshots/first-run-*.png} (and the docs' folder, see docs/testing.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstRunBrowserIT {

    private Application.Running app;
    private ChromeDriver browser;
    private String password;

    @BeforeAll
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path data = Files.createTempDirectory("chanmarket-first-run-browser");
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", "-1");
        props.put("app.database.embedded.data-dir", data.resolve("postgres").toString());
        props.put("app.admin.logos.dir", data.resolve("logos").toString());
        props.put("app.ads.images.local-path", data.resolve("ad-images").toString());
        props.put("app.parsers.schedule.enabled", "false");
        props.put("app.admin.bcrypt-cost", "4");
        PrintStream original = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                original.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            app = Application.start(new String[0], props);
        } finally {
            System.setOut(original);
        }
        Matcher printed = Pattern.compile("password: (\\S+)").matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).as("the first admin's password on the console").isTrue();
        password = printed.group(1);
        browser = HeadlessChromium.start("420,900", "--lang=ru", "--accept-lang=ru-RU,ru");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void landingPagePreviewMiniAppAndTheFirstAdminsSignIn() throws Exception {
        browser.get(url("/"));
        await(By.id("landing"));
        assertThat(browser.findElement(By.id("bot-status")).getText()).contains("TELEGRAM_BOT_TOKEN");
        shot("first-run-landing");

        browser.findElement(By.id("link-app")).click();
        await(By.id("home"));
        assertThat(browser.findElement(By.id("preview-bar")).getText()).containsAnyOf("Предпросмотр: не в Telegram",
                "Preview: not in Telegram");
        assertThat(browser.findElements(By.cssSelector("#home .list a"))).isNotEmpty();
        shot("miniapp-home");

        WebElement firstCategory = browser.findElement(By.cssSelector("#home .chips a"));
        firstCategory.click();
        await(By.id("category"));
        shot("miniapp-category");

        String cardHref = browser.findElement(By.cssSelector("#rows a[href^='/app/channels/']")).getAttribute("href");
        browser.findElement(By.cssSelector("#rows a[href^='/app/channels/']")).click();
        await(By.id("card"));
        assertThat(browser.findElement(By.id("preview-bar")).isDisplayed()).isTrue();
        browser.findElement(By.id("fav-btn")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("fav-btn"), "aria-pressed", "true"));
        shot("miniapp-card");

        browser.get(url("/app/favorites"));
        await(By.cssSelector("#favorites, .list"));
        assertThat(browser.findElement(By.id("view")).getText()).isNotBlank();
        shot("miniapp-favorites");

        String channelId = cardHref.substring(cardHref.lastIndexOf('/') + 1);
        browser.get(url("/app?startapp=ch_" + channelId));
        await(By.id("card"));
        assertThat(browser.getCurrentUrl()).endsWith("/app/channels/" + channelId);

        browser.get(url("/admin"));
        await(By.id("username"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/admin/login'] button[type=submit]")).click();
        await(By.id("password-forced"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/password");
        shot("admin-change-password");

        browser.findElement(By.id("current")).sendKeys(password);
        browser.findElement(By.id("password")).sendKeys("my-own-secret-1");
        browser.findElement(By.id("repeat")).sendKeys("my-own-secret-1");
        browser.findElement(By.id("password-submit")).click();
        await(By.id("nav-password"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin");
        assertThat(browser.findElements(By.id("password-forced"))).isEmpty();
        shot("admin-home");
    }

    private String url(String path) {
        return app.context().getBean(EmbeddedServer.class).getURI().resolve(path).toString();
    }

    private void await(By locator) {
        HeadlessChromium.await(browser, locator);
    }

    private void shot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
