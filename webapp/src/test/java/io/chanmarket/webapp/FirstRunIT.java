package io.chanmarket.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * A newcomer's first run, over real HTTP: the app on its embedded defaults in an empty data folder, no bot token. The
 * landing page, the local Mini App preview (and never a preview identity for a forwarded request), and the first admin
 * with a generated password printed once to the console and changed at first sign-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIT {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");

    private Path dataDir;
    private Map<String, Object> props;
    private Application.Running app;
    private String console;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("chanmarket-first-run");
        props = new HashMap<>();
        props.put("micronaut.server.port", "-1");
        props.put("app.database.embedded.data-dir", dataDir.resolve("postgres").toString());
        props.put("app.admin.logos.dir", dataDir.resolve("logos").toString());
        props.put("app.ads.images.local-path", dataDir.resolve("ad-images").toString());
        props.put("app.parsers.schedule.enabled", "false");
        props.put("app.admin.bcrypt-cost", "4");
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        console = withConsoleCaptured(() -> app = Application.start(new String[0], props));
    }

    @AfterAll
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        if (app != null) {
            app.close();
        }
    }

    // --- landing page

    @Test
    void theLandingPageLinksEverythingInTheBrowsersLanguage() throws Exception {
        HttpResponse<String> ru = get("/", Map.of());
        assertThat(ru.statusCode()).isEqualTo(200);
        assertThat(ru.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(ru.body()).contains("lang=\"ru\"").contains("Мини-приложение").contains("href=\"/app\"")
                .contains("href=\"/admin\"").contains("href=\"/docs\"").contains("href=\"/health\"")
                .contains("href=\"/prometheus\"");
        assertThat(ru.body()).as("local, no bot: how to connect one").contains("id=\"bot-status\"")
                .contains("TELEGRAM_BOT_TOKEN").contains("предпросмотра");
        HttpResponse<String> en = get("/", Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(en.body()).contains("lang=\"en\"").contains("Admin panel").contains("No bot connected")
                .contains("TELEGRAM_BOT_TOKEN");
        assertThat(en.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
        HttpResponse<String> remote = get("/", Map.of("X-Forwarded-For", "203.0.113.7"));
        assertThat(remote.statusCode()).isEqualTo(200);
        assertThat(remote.body()).contains("href=\"/app\"").doesNotContain("id=\"bot-status\"")
                .doesNotContain("TELEGRAM_BOT_TOKEN");
    }

    // --- Mini App preview

    @Test
    void fromThisMachineTheMiniAppOpensAsThePreviewUser() throws Exception {
        HttpResponse<String> home = get("/app", Map.of());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("data-filled=\"1\"").contains("id=\"preview-bar\"")
                .contains("Предпросмотр: не в Telegram");

        HttpResponse<String> catalog = get("/api/miniapp/catalog?perCategory=1", Map.of());
        assertThat(catalog.statusCode()).isEqualTo(200);
        long channel = firstChannelId(catalog.body());

        HttpResponse<String> card = get("/app/channels/" + channel, Map.of("HX-Request", "true"));
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("/app/channels/" + channel + "/favorite");

        assertThat(send("PUT", "/api/miniapp/favorites/" + channel, Map.of()).statusCode()).isEqualTo(204);
        assertThat(get("/api/miniapp/favorites", Map.of()).body()).contains("\"id\":" + channel);
        assertThat(send("DELETE", "/api/miniapp/favorites/" + channel, Map.of()).statusCode()).isEqualTo(204);

        HttpResponse<String> deepLink = get("/app?startapp=ch_" + channel, Map.of());
        assertThat(deepLink.statusCode()).isEqualTo(303);
        assertThat(deepLink.headers().firstValue("Location")).contains("/app/channels/" + channel);
        HttpResponse<String> unknown = get("/app?startapp=" + URLEncoder.encode("nope_1", StandardCharsets.UTF_8),
                Map.of());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("id=\"preview-bar\"");
    }

    @Test
    void aForwardedRequestNeverGetsThePreviewIdentity() throws Exception {
        for (Map<String, String> forwarded : java.util.List.of(Map.of("X-Forwarded-For", "203.0.113.7"),
                Map.of("Forwarded", "for=203.0.113.7;proto=https"), Map.of("X-Real-IP", "203.0.113.7"))) {
            HttpResponse<String> page = get("/app", forwarded);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as("the shell, waiting for Telegram's initData").contains("data-filled=\"0\"")
                    .doesNotContain("preview-bar");
            Map<String, String> htmx = new HashMap<>(forwarded);
            htmx.put("HX-Request", "true");
            HttpResponse<String> partial = get("/app/start?payload=", htmx);
            assertThat(partial.statusCode()).isEqualTo(401);
            assertThat(partial.body()).contains("Откройте приложение в Telegram").contains("https://t.me/");
            assertThat(get("/api/miniapp/favorites", forwarded).statusCode()).isEqualTo(401);
            assertThat(send("PUT", "/api/miniapp/favorites/1", forwarded).statusCode()).isEqualTo(401);
        }
    }

    // --- first admin

    @Test
    @Order(1)
    void theFirstAdminsPasswordIsPrintedOnceToTheConsoleAndMustBeChanged() throws Exception {
        Matcher printed = PRINTED_PASSWORD.matcher(console);
        assertThat(printed.find()).as("console:\n%s", console).isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(console).contains("username: admin").contains("/admin/login");
        assertThat(log.list).as("never in the log").noneMatch(e -> e.getFormattedMessage().contains(password));

        HttpResponse<String> signIn = form("/admin/login", "username=admin&password=" + password, null);
        assertThat(signIn.statusCode()).isEqualTo(303);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> start = get("/admin", Map.of("Cookie", cookie));
        assertThat(start.statusCode()).isEqualTo(303);
        assertThat(start.headers().firstValue("Location")).contains("/admin/password");
        assertThat(get("/admin/channels", Map.of("Cookie", cookie)).headers().firstValue("Location"))
                .contains("/admin/password");

        HttpResponse<String> page = get("/admin/password", Map.of("Cookie", cookie));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"password-forced\"");
        String csrf = field(page.body(), "_csrf");

        HttpResponse<String> wrong = form("/admin/password",
                "_csrf=" + csrf + "&current=wrong-one&password=my-own-secret-1&repeat=my-own-secret-1", cookie);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"password-error\"");
        HttpResponse<String> mismatch = form("/admin/password",
                "_csrf=" + csrf + "&current=" + password + "&password=my-own-secret-1&repeat=other-secret-2", cookie);
        assertThat(mismatch.statusCode()).isEqualTo(422);
        HttpResponse<String> same = form("/admin/password",
                "_csrf=" + csrf + "&current=" + password + "&password=" + password + "&repeat=" + password, cookie);
        assertThat(same.statusCode()).isEqualTo(422);
        HttpResponse<String> noCsrf = form("/admin/password",
                "current=" + password + "&password=my-own-secret-1&repeat=my-own-secret-1", cookie);
        assertThat(noCsrf.statusCode()).isEqualTo(403);

        HttpResponse<String> changed = form("/admin/password",
                "_csrf=" + csrf + "&current=" + password + "&password=my-own-secret-1&repeat=my-own-secret-1", cookie);
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).contains("/admin");
        assertThat(get("/admin", Map.of("Cookie", cookie)).statusCode()).isEqualTo(200);

        assertThat(form("/admin/login", "username=admin&password=" + password, null).statusCode()).isEqualTo(401);
        assertThat(form("/admin/login", "username=admin&password=my-own-secret-1", null).statusCode()).isEqualTo(303);
    }

    @Test
    @Order(2)
    void aSecondStartPrintsNoPassword() throws Exception {
        app.close();
        String again = withConsoleCaptured(() -> app = Application.start(new String[0], props));
        assertThat(again).doesNotContain("password:");
        assertThat(get("/health", Map.of()).statusCode()).isEqualTo(200);
    }

    // --- helpers

    private interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} with standard output copied into the returned text (and still printed). */
    private static String withConsoleCaptured(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                copy.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                copy.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return copy.toString(StandardCharsets.UTF_8);
    }

    private static long firstChannelId(String catalogJson) {
        Matcher m = Pattern.compile("\"channels\":\\[\\{[^}]*?\"id\":(\\d+)").matcher(catalogJson);
        assertThat(m.find()).as(catalogJson).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base().resolve(path)).GET();
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base().resolve(path)).method(method,
                HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String body, String cookie) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI base() {
        return app.context().getBean(EmbeddedServer.class).getURI();
    }
}
