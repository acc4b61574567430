package io.chanmarket.webapp.analytics;

import io.chanmarket.core.analytics.AnalyticsRollup;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark of the admin analytics pages over a large event log (a documented main, not a test): seeds categories,
 * channels and {@code events} events spread over the last 350 days with {@code generate_series}, folds them into the
 * rollups, then requests every analytics page {@code rounds} times over HTTP and prints the first request's time (which
 * may recompute a preset's conversion totals) and the median and p95 per page.
 *
 * <pre>
 * TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/postgres \
 *   mvn -B -q -pl webapp -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.chanmarket.webapp.analytics.AnalyticsPagesBenchmark -Dexec.args="10000000 2000 100"
 * </pre>
 *
 * Arguments: events (default 10,000,000), channels (default 2,000), rounds per page (default 100), and optionally the
 * name of a database to keep: it is created and seeded on the first run and reused by later runs with the same events
 * and channels (seeding and folding are skipped; new migrations still apply), so only the pages are timed again.
 * Without it a fresh database is created and dropped like in the tests.
 */
public final class AnalyticsPagesBenchmark {

    private AnalyticsPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String keep = args.length > 3 ? args[3] : null;

        Map<String, Object> props = new HashMap<>(keep == null ? TestInfrastructure.properties() : kept(keep));
        props.put("micronaut.server.port", "-1");
        props.put("app.catalog.demo-data", "false");
        props.put("app.roles.parser-schedule", "false");
        props.put("app.admin.bcrypt-cost", "4");
        props.put("app.admin.bootstrap.username", "bench");
        props.put("app.admin.bootstrap.password", "bench-password-1");
        try (Application.Running app = Application.start(new String[0], props)) {
            String url = (String) props.get("datasources.default.url");
            String user = (String) props.get("datasources.default.username");
            String password = (String) props.get("datasources.default.password");
            long t0 = System.nanoTime();
            if (seeded(url, user, password, events, channels)) {
                System.out.printf("reusing the seeded database %s (%,d events over %,d channels)%n", keep, events,
                        channels);
            } else {
                seed(url, user, password, events, channels);
                System.out.printf("seeded %,d events over %,d channels in %.1f s%n", events, channels, secs(t0));
            }
            long t1 = System.nanoTime();
            long folded = app.context().getBean(AnalyticsRollup.class).fold();
            System.out.printf("folded %,d event ids into the rollups in %.1f s%n", folded, secs(t1));

            URI base = app.context().getBean(EmbeddedServer.class).getURI();
            HttpClient http = HttpClient.newHttpClient();
            String cookie = signIn(http, base);
            List<String> pages = new ArrayList<>();
            for (String preset : List.of("14d", "50w")) {
                pages.add("/admin/analytics/openings?preset=" + preset + "&category=1");
                pages.add("/admin/analytics/openings?preset=" + preset + "&channel=7");
            }
            for (String preset : List.of("14d", "50w")) {
                pages.add("/admin/analytics/conversions?preset=" + preset + "&by=channel");
                pages.add("/admin/analytics/conversions?preset=" + preset + "&by=category");
            }
            for (String preset : List.of("14d", "50w")) {
                pages.add("/admin/analytics/links?preset=" + preset);
            }
            for (String preset : List.of("14d", "50w")) {
                pages.add("/admin/analytics/users?preset=" + preset);
            }
            pages.add("/admin/analytics/conversions?preset=50w&by=channel&sort=price_rate&dir=desc&page=3");
            pages.add("/admin/analytics/conversions.csv?preset=50w&by=channel");
            pages.add("/admin/analytics/links.csv?preset=50w");
            for (String page : pages) {
                long[] nanos = new long[rounds];
                long f = System.nanoTime();
                get(http, base, page, cookie);
                double first = (System.nanoTime() - f) / 1e6;
                for (int i = 1; i < 10; i++) {
                    get(http, base, page, cookie);
                }
                for (int i = 0; i < rounds; i++) {
                    long s = System.nanoTime();
                    get(http, base, page, cookie);
                    nanos[i] = System.nanoTime() - s;
                }
                Arrays.sort(nanos);
                System.out.printf("%-60s first %7.1f ms  median %6.1f ms  p95 %6.1f ms%n", page, first,
                        nanos[rounds / 2] / 1e6, nanos[(int) Math.ceil(rounds * 0.95) - 1] / 1e6);
            }
        }
        System.exit(0);
    }

    /** Properties for a database that outlives the run: created when missing, never dropped. */
    private static Map<String, String> kept(String name) throws Exception {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a database name is lower-case letters, digits and _: " + name);
        }
        String adminUrl = System.getenv("TEST_DATABASE_URL");
        if (adminUrl == null || adminUrl.isBlank()) {
            throw new IllegalStateException("reusing a database needs TEST_DATABASE_URL");
        }
        String user = Optional.ofNullable(System.getenv("TEST_DATABASE_USER")).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("TEST_DATABASE_PASSWORD")).orElse("");
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + name);
                }
            }
        }
        Map<String, String> props = new HashMap<>();
        TestInfrastructure.redisUri().ifPresent(uri -> {
            props.put("redis.uri", uri);
            props.put("app.redis.key-prefix", TestInfrastructure.redisKeyPrefix());
        });
        props.put("datasources.default.dialect", "POSTGRES");
        props.put("datasources.default.maximum-pool-size", "8");
        props.put("flyway.datasources.default.enabled", "true");
        props.put("datasources.default.url", adminUrl.replaceFirst("^(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + name));
        props.put("datasources.default.username", user);
        props.put("datasources.default.password", password);
        return props;
    }

    /** Whether an earlier run seeded this database with the same sizes (it leaves a {@code bench_seed} row). */
    private static boolean seeded(String url, String user, String password, long events, int channels)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bench_seed (events BIGINT NOT NULL, channels INT NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT events, channels FROM bench_seed")) {
                if (!rs.next()) {
                    return false;
                }
                if (rs.getLong(1) != events || rs.getInt(2) != channels) {
                    throw new IllegalStateException("the database was seeded with " + rs.getLong(1) + " events and "
                            + rs.getInt(2) + " channels; use another name");
                }
                return true;
            }
        }
    }

    private static void seed(String url, String user, String password, long events, int channels) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL synchronous_commit = off");
            st.execute("INSERT INTO category (slug, name_ru, name_en) SELECT 'bench' || g, 'Категория ' || g,"
                    + " 'Category ' || g FROM generate_series(1, 20) g");
            st.execute("INSERT INTO channel (title, category_id) SELECT 'Channel ' || g,"
                    + " (SELECT min(id) FROM category) + g % 20 FROM generate_series(1, " + channels + ") g");
            // 200,000 users; types weighted like real use; channel events name a channel, category opens a category,
            // one arrival in 50 names the channel's default link
            st.execute("CREATE TEMP TABLE bench_link AS SELECT channel_id, id FROM tracked_link WHERE is_default");
            st.execute("INSERT INTO event_log (occurred_at, type, user_id, category_id, channel_id, tracked_link_id)"
                    + " SELECT now() - (random() * interval '350 days'), t.type, 1 + (g * 7919) % 200000,"
                    + " CASE WHEN t.type = 'CATEGORY_OPEN' THEN (SELECT min(id) FROM category) + g % 20 END,"
                    + " CASE WHEN t.type <> 'CATEGORY_OPEN' AND t.type <> 'MINIAPP_OPEN'"
                    + " THEN (SELECT min(id) FROM channel) + g % " + channels + " END,"
                    + " CASE WHEN t.type = 'DEEP_LINK_ARRIVAL' THEN (SELECT min(id) FROM bench_link) + g % " + channels
                    + " END FROM generate_series(1::bigint, " + events + ") g"
                    + " CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 15 THEN 'MINIAPP_OPEN'"
                    + " WHEN g % 100 < 35 THEN 'CATEGORY_OPEN' WHEN g % 100 < 80 THEN 'CHANNEL_OPEN'"
                    + " WHEN g % 100 < 88 THEN 'PRICE_CLICK' WHEN g % 100 < 94 THEN 'CONTACT_MANAGER_CLICK'"
                    + " WHEN g % 100 < 98 THEN 'FAVORITE_ADD' ELSE 'DEEP_LINK_ARRIVAL' END AS type) t");
            st.execute("ANALYZE");
            st.execute("INSERT INTO bench_seed (events, channels) VALUES (" + events + ", " + channels + ")");
            c.commit();
        }
    }

    private static String signIn(HttpClient http, URI base) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve("/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=bench&password=bench-password-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("cm_admin_session="))
                .map(v -> v.substring(0, v.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in failed: " + r.statusCode()));
    }

    private static void get(HttpClient http, URI base, String path, String cookie) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
