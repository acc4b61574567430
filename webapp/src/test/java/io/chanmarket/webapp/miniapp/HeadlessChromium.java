package io.chanmarket.webapp.miniapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through chromedriver, for the browser tests: skips the test when they are not installed,
 * starts a headless browser with a fresh profile and no background networking, and saves screenshots as test artifacts
 * under {@code target/screenshots}.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the calling test class when Chromium or chromedriver is missing. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver missing: apt-get install -y chromium chromium-driver");
    }

    /** A headless browser with the given window size and extra Chromium arguments. */
    public static ChromeDriver start(String windowSize, String... extraArguments) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=" + windowSize,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
        arguments.addAll(List.of(extraArguments));
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        Files.createDirectories(Path.of("target/screenshots"));
        return new ChromeDriver(service, options);
    }

    /** Waits up to 15 s for an element to appear. */
    public static void await(WebDriver browser, By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /**
     * Saves what the browser shows as {@code target/screenshots/<name>.png}, and also into the folder named by the
     * {@code screenshots.dir} system property when it is set (the documentation's screenshots: see docs/testing.md).
     */
    public static void screenshot(WebDriver browser, String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target/screenshots", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        String docs = System.getProperty("screenshots.dir");
        if (docs != null && !docs.isBlank()) {
            Files.createDirectories(Path.of(docs));
            Files.copy(shot, Path.of(docs, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
