package io.chanmarket.webapp.miniapp.bench;

import io.chanmarket.core.events.SwitchableEventLog;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import io.chanmarket.webapp.miniapp.SignedInitData;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Mini App's performance benchmark (the figures in the README, section "Catalog and Mini App"). Not a test: run it
 * with {@code mvn -B -pl webapp -am -Pbench process-test-classes} (needs {@code TEST_DATABASE_URL} like the tests).
 *
 * <ol>
 * <li>Starts the real application on a fresh database and seeds it in SQL: 10,000 channels in 20 categories (with
 * reviews, ad examples and 30 days of metric history), 100,000 Telegram users, 100,000 favorites and 1,000,000 events.
 * <li>Measures the bytes of the first full load (shell HTML, CSS, JS, htmx, and the first partial) and of each partial,
 * as transferred with {@code Accept-Encoding: gzip}.
 * <li>Drives the channel card partial (with its history charts), the category partial and a 4-channel comparison, each
 * with {@code bench.connections} (16) closed-loop clients over {@code java.net.http}, signed initData of 1,000 seeded
 * users, a warm-up and then {@code bench.seconds} (30) measured seconds; reports throughput and p50/p95/p99 client-side
 * and server-side (the {@code Server-Timing} header of {@link ServerTimingFilter}).
 * <li>Event logging cost: the card run again with event logging on and off (same app, same data, alternating), and the
 * time spent in {@code EventLog.record} per call.
 * </ol>
 *
 * Writes {@code target/miniapp-bench.json} and prints the same figures.
 */
public final class MiniAppBench {

    private static final int CHANNELS = Integer.getInteger("bench.channels", 10_000);
    private static final int CATEGORIES = 20;
    private static final int USERS = Integer.getInteger("bench.users", 100_000);
    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 30);
    /** Requests per second of the open-loop phase of each partial (0: none). */
    private static final int RATE = Integer.getInteger("bench.rate", 100);
    private static final int SIGNED_USERS = 1_000;
    private static final long FIRST_USER_ID = 500_000_000L;
    private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=([0-9.]+)");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?:src|href)=\"(/(?:static|webjars)/[^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    private final ExecutorService clientPool;
    private final String[] initData = new String[SIGNED_USERS];
    private long[] channelIds;
    private long[] categoryIds;

    private MiniAppBench(URI base) {
        this.base = base;
        this.clientPool = Executors.newFixedThreadPool(CONNECTIONS);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < SIGNED_USERS; i++) {
            long id = FIRST_USER_ID + i * (long) (USERS / SIGNED_USERS);
            initData[i] = SignedInitData.forUser(id, "Bench" + i, i % 2 == 0 ? "ru" : "en", null);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties());
        props.put("micronaut.server.port", "-1");
        props.put("datasources.default.maximum-pool-size", "20");
        props.put("app.miniapp.bot-token", SignedInitData.BOT_TOKEN);
        props.put("app.catalog.demo-data", "false");
        props.put("micronaut.lifecycle.graceful-shutdown.grace-period", "1s");
        props.put("bench.server-timing", "true");
        props.put("bench.switchable-events", "true");
        Map<String, Object> report = new LinkedHashMap<>();
        TestInfrastructure.Database db = TestInfrastructure.database();
        try (Application.Running app = Application.start(new String[0], props)) {
            long seedStart = System.nanoTime();
            Map<String, Object> volumes = seed(db);
            volumes.put("seedSeconds", Math.round((System.nanoTime() - seedStart) / 1e8) / 10.0);
            report.put("volumes", volumes);
            report.put("setup", Map.of("connections", CONNECTIONS, "measuredSeconds", SECONDS, "warmupSeconds",
                    WARMUP_SECONDS, "signedUsers", SIGNED_USERS, "cpus", Runtime.getRuntime().availableProcessors()));
            MiniAppBench bench = new MiniAppBench(app.context().getBean(EmbeddedServer.class).getURI());
            bench.loadIds(db);
            SwitchableEventLog events = app.context().getBean(SwitchableEventLog.class);
            report.put("firstLoad", bench.firstLoad());
            report.put("channelCard", bench.run("channel card partial", bench::cardRequest));
            report.put("categoryPartial", bench.run("category partial", bench::categoryRequest));
            report.put("compare4", bench.run("4-channel comparison", bench::compareRequest));
            if (RATE > 0) {
                report.put("channelCardAtFixedRate", bench.fixedRate("channel card partial", bench::cardRequest));
                report.put("categoryPartialAtFixedRate", bench.fixedRate("category partial", bench::categoryRequest));
                report.put("compare4AtFixedRate", bench.fixedRate("4-channel comparison", bench::compareRequest));
            }
            report.put("eventLogging", bench.eventCost(events));
            bench.clientPool.shutdownNow();
        }
        String json = toJson(report, "");
        Path out = Path.of("target", "miniapp-bench.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json + "\n");
        System.out.println("\n=== Mini App benchmark ===\n" + json);
        System.out.println("Written to " + out.toAbsolutePath());
        System.exit(0);
    }

    // --- seeding --------------------------------------------------------------------------------------------------

    private static Map<String, Object> seed(TestInfrastructure.Database db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO category (slug, name_ru, name_en, sort_order) SELECT 'bench-' || g,"
                    + " 'Категория ' || g, 'Category ' || g, g FROM generate_series(1, " + CATEGORIES + ") g");
            s.execute("""
                    INSERT INTO channel (category_id, username, title, description, tg_link, tgstat_url, telemetr_url,
                        language, country, price_rub, audience_age, gender_male_pct, gender_female_pct, geo_split,
                        subscribers, avg_reach, ad_reach_24h, err_pct, er_pct, citation_index, posts_count,
                        channel_created_on, verified, red_label, metrics_updated_at)
                    SELECT cat.id, 'bench_ch_' || g, 'Канал номер ' || g,
                        'Описание канала ' || g || ': новости, обзоры и аналитика для своей аудитории.',
                        'https://t.me/bench_ch_' || g, 'https://tgstat.ru/channel/@bench_ch_' || g,
                        'https://telemetr.me/@bench_ch_' || g,
                        (ARRAY['ru', 'en', 'uk'])[1 + g % 3], (ARRAY['Россия', 'Казахстан', 'Беларусь'])[1 + g % 3],
                        1000 + (g * 37) % 90000, (ARRAY['18-24', '25-34', '35-44'])[1 + g % 3],
                        30 + g % 40, 70 - g % 40,
                        jsonb_build_array(jsonb_build_object('name', 'Россия', 'pct', 60 + g % 30),
                                          jsonb_build_object('name', 'Казахстан', 'pct', 40 - g % 30)),
                        s.subs, s.subs / 5, s.subs / 6, 5 + (g % 300) / 10.0, 3 + (g % 200) / 10.0,
                        (g % 1000) / 10.0, 100 + g % 5000, DATE '2018-01-01' + g % 2000, g % 7 = 0, g % 50 = 0,
                        now() - (g % 48) * interval '1 hour'
                    FROM generate_series(1, {CHANNELS}) g
                    CROSS JOIN LATERAL (SELECT (1000 + (g * 7919) % 2000000)::bigint AS subs) s
                    JOIN category cat ON cat.slug = 'bench-' || (1 + g % {CATEGORIES})
                    """.replace("{CHANNELS}", Integer.toString(CHANNELS)).replace("{CATEGORIES}",
                    Integer.toString(CATEGORIES)));
            s.execute(
                    "INSERT INTO channel_review (channel_id, author, text, rating) SELECT c.id, 'Рекламодатель ' || r,"
                            + " 'Отзыв о размещении: хороший отклик, всё вышло вовремя.', 1 + (c.id + r) % 5"
                            + " FROM channel c CROSS JOIN generate_series(1, 2) r");
            s.execute(
                    "INSERT INTO channel_ad_example (channel_id, title, post_url) SELECT c.id, 'Пример рекламы ' || r,"
                            + " 'https://t.me/' || c.username || '/' || (100 + r) FROM channel c CROSS JOIN generate_series(1, 2) r");
            s.execute("INSERT INTO channel_metric_history (channel_id, source, fetched_at, subscribers, avg_reach,"
                    + " err_pct) SELECT c.id, 'TGSTAT_HTML', now() - d * interval '1 day', c.subscribers - d * 10,"
                    + " c.avg_reach, c.err_pct FROM channel c CROSS JOIN generate_series(1, 30) d");
            s.execute("INSERT INTO telegram_user (id, first_name, username, language_code, first_seen_at, last_seen_at)"
                    + " SELECT " + FIRST_USER_ID + " + g - 1, 'User' || g, 'user_' || g,"
                    + " CASE WHEN g % 3 = 0 THEN 'en' ELSE 'ru' END, now() - interval '30 days', now()"
                    + " FROM generate_series(1, " + USERS + ") g");
            s.execute("INSERT INTO favorite (user_id, channel_id) SELECT " + FIRST_USER_ID + " + (g * 7) % " + USERS
                    + ", c.id FROM generate_series(1, " + (2 * USERS) + ") g JOIN channel c"
                    + " ON c.username = 'bench_ch_' || (1 + (g * 13) % " + CHANNELS + ") ON CONFLICT DO NOTHING");
            s.execute("""
                    INSERT INTO event_log (occurred_at, type, user_id, category_id, channel_id)
                    SELECT now() - (g % 2592000) * interval '1 second',
                        (ARRAY['MINIAPP_OPEN', 'CATEGORY_OPEN', 'CHANNEL_OPEN', 'PRICE_CLICK', 'CONTACT_MANAGER_CLICK',
                               'FAVORITE_ADD'])[1 + g % 6],
                        {FIRST} + g % {USERS}, 1 + g % {CATEGORIES}, CASE WHEN g % 6 >= 2 THEN 1 + g % {CHANNELS} END
                    FROM generate_series(1, {EVENTS}) g
                    """.replace("{FIRST}", Long.toString(FIRST_USER_ID)).replace("{USERS}", Integer.toString(USERS))
                    .replace("{CATEGORIES}", Integer.toString(CATEGORIES))
                    .replace("{CHANNELS}", Integer.toString(CHANNELS)).replace("{EVENTS}", Integer.toString(EVENTS)));
            s.execute("ANALYZE");
            Map<String, Object> volumes = new LinkedHashMap<>();
            for (String table : List.of("category", "channel", "telegram_user", "favorite", "event_log",
                    "channel_review", "channel_ad_example", "channel_metric_history", "tracked_link")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    volumes.put(table, rs.getLong(1));
                }
            }
            return volumes;
        }
    }

    private void loadIds(TestInfrastructure.Database db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement s = c.createStatement()) {
            channelIds = longs(s, "SELECT id FROM channel WHERE NOT hidden ORDER BY id");
            categoryIds = longs(s, "SELECT id FROM category ORDER BY id");
        }
    }

    private static long[] longs(Statement s, String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    // --- requests -------------------------------------------------------------------------------------------------

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(30));
    }

    private HttpRequest partial(String path) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return get(path).header("HX-Request", "true")
                .header("Authorization", "tma " + initData[random.nextInt(SIGNED_USERS)]).build();
    }

    private HttpRequest cardRequest(ThreadLocalRandom random) {
        return partial("/app/channels/" + channelIds[random.nextInt(channelIds.length)]);
    }

    /** Four distinct random channels side by side. */
    private HttpRequest compareRequest(ThreadLocalRandom random) {
        StringBuilder ids = new StringBuilder();
        int first = random.nextInt(channelIds.length - 4);
        for (int i = 0; i < 4; i++) {
            ids.append(i == 0 ? "" : ",").append(channelIds[first + i]);
        }
        return partial("/app/compare?ids=" + ids);
    }

    private HttpRequest categoryRequest(ThreadLocalRandom random) {
        return partial("/app/categories/" + categoryIds[random.nextInt(categoryIds.length)]);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int uncompressedSize(HttpResponse<byte[]> response) {
        if (!"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
            return response.body().length;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- first load -----------------------------------------------------------------------------------------------

    private Map<String, Object> firstLoad() {
        Map<String, Object> parts = new LinkedHashMap<>();
        long compressed = 0;
        long raw = 0;
        HttpResponse<byte[]> shell = send(get("/app").build());
        String html = new String(decompress(shell));
        List<String> resources = new ArrayList<>();
        resources.add("/app");
        Matcher m = SCRIPT_OR_STYLE.matcher(html);
        while (m.find()) {
            resources.add(m.group(1));
        }
        resources.add("/app/start");
        resources.add("/app/tabs");
        for (String path : resources) {
            HttpResponse<byte[]> response = path.equals("/app") ? shell
                    : path.startsWith("/app/") ? send(partial(path)) : send(get(path).build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            int size = response.body().length;
            int plain = uncompressedSize(response);
            compressed += size;
            raw += plain;
            parts.put(path, Map.of("transferred", size, "uncompressed", plain, "encoding",
                    response.headers().firstValue("Content-Encoding").orElse("identity")));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("transferredBytes", compressed);
        result.put("uncompressedBytes", raw);
        result.put("targetBytes", 50 * 1024);
        result.put("parts", parts);
        Map<String, Object> partials = new LinkedHashMap<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (Map.Entry<String, HttpRequest> p : Map
                .of("card", cardRequest(random), "category", categoryRequest(random), "compare4",
                        compareRequest(random), "history90",
                        partial("/app/channels/" + channelIds[random.nextInt(channelIds.length)] + "/history?days=90"))
                .entrySet()) {
            HttpResponse<byte[]> response = send(p.getValue());
            partials.put(p.getKey(),
                    Map.of("transferred", response.body().length, "uncompressed", uncompressedSize(response)));
        }
        result.put("partials", partials);
        result.put("partialTargetBytes", 10 * 1024);
        result.put("note", "telegram-web-app.js is loaded from Telegram and not counted");
        return result;
    }

    private static byte[] decompress(HttpResponse<byte[]> response) {
        if (!"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
            return response.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- load -----------------------------------------------------------------------------------------------------

    /** What one measured phase saw. */
    private record Samples(long[] clientNanos, double[] serverMillis, long[] bytes, long errors, double seconds,
            long sampleUncompressed, boolean allGzip) {
    }

    private Map<String, Object> run(String name, Function<ThreadLocalRandom, HttpRequest> request) throws Exception {
        System.out.printf(Locale.ROOT, "%s: warm-up %d s%n", name, WARMUP_SECONDS);
        drive(request, WARMUP_SECONDS);
        System.out.printf(Locale.ROOT, "%s: measuring %d s with %d connections%n", name, SECONDS, CONNECTIONS);
        return summary(drive(request, SECONDS));
    }

    /**
     * An open loop: {@link #RATE} requests per second whatever the answers do, for {@link #SECONDS} seconds, each
     * client-side latency measured from the moment the request was due (a stall counts for every request it delays).
     * Latency at a load the machine can carry, which the closed loop at saturation cannot show: there, with 16 requests
     * in flight on two cores, most of a request's time is its wait for a core.
     */
    private Map<String, Object> fixedRate(String name, Function<ThreadLocalRandom, HttpRequest> request)
            throws Exception {
        System.out.printf(Locale.ROOT, "%s: %d requests/s in an open loop for %d s%n", name, RATE, SECONDS);
        int total = RATE * SECONDS;
        long[] client = new long[total];
        double[] server = new double[total];
        long[] bytes = new long[total];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(total);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long start = System.nanoTime();
        double period = 1e9 / RATE;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * period);
            io.chanmarket.webapp.ads.bench.OpenLoop.awaitDue(due);
            http.sendAsync(request.apply(random), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, failure) -> {
                        int n = done.getAndIncrement();
                        client[n] = System.nanoTime() - due;
                        server[n] = Double.NaN;
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            Matcher timing = SERVER_TIMING
                                    .matcher(response.headers().firstValue("Server-Timing").orElse(""));
                            server[n] = timing.find() ? Double.parseDouble(timing.group(1)) : Double.NaN;
                            bytes[n] = response.body().length;
                        }
                        finished.countDown();
                    });
        }
        finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int n = done.get();
        Map<String, Object> result = summary(new Samples(Arrays.copyOf(client, n), Arrays.copyOf(server, n),
                Arrays.copyOf(bytes, n), errors.get(), elapsed, 0, true));
        result.put("offeredPerSecond", RATE);
        return result;
    }

    private Samples drive(Function<ThreadLocalRandom, HttpRequest> request, int seconds) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<Samples>> futures = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            futures.add(workers.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long[] client = new long[1 << 16];
                double[] server = new double[1 << 16];
                long[] bytes = new long[1 << 16];
                int n = 0;
                long errors = 0;
                long uncompressed = 0;
                boolean gzip = true;
                while (System.nanoTime() < end) {
                    HttpRequest req = request.apply(random);
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = send(req);
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        errors++;
                        continue;
                    }
                    if (n == client.length) {
                        client = Arrays.copyOf(client, n * 2);
                        server = Arrays.copyOf(server, n * 2);
                        bytes = Arrays.copyOf(bytes, n * 2);
                    }
                    Matcher timing = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
                    client[n] = took;
                    server[n] = timing.find() ? Double.parseDouble(timing.group(1)) : Double.NaN;
                    bytes[n] = response.body().length;
                    gzip &= "gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""));
                    if (n == 0) {
                        uncompressed = uncompressedSize(response);
                    }
                    n++;
                }
                return new Samples(Arrays.copyOf(client, n), Arrays.copyOf(server, n), Arrays.copyOf(bytes, n), errors,
                        0, uncompressed, gzip);
            }));
        }
        List<Samples> all = new ArrayList<>();
        for (Future<Samples> f : futures) {
            all.add(f.get());
        }
        workers.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Samples(all.stream().flatMapToLong(s -> Arrays.stream(s.clientNanos())).toArray(),
                all.stream().flatMapToDouble(s -> Arrays.stream(s.serverMillis())).toArray(),
                all.stream().flatMapToLong(s -> Arrays.stream(s.bytes())).toArray(),
                all.stream().mapToLong(Samples::errors).sum(), elapsed,
                all.stream().mapToLong(Samples::sampleUncompressed).max().orElse(0),
                all.stream().allMatch(Samples::allGzip));
    }

    private static Map<String, Object> summary(Samples s) {
        long[] client = s.clientNanos().clone();
        Arrays.sort(client);
        double[] server = Arrays.stream(s.serverMillis()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        long[] bytes = s.bytes().clone();
        Arrays.sort(bytes);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", client.length);
        result.put("errors", s.errors());
        result.put("throughputPerSecond", round(client.length / s.seconds()));
        result.put("clientMillis", Map.of("p50", ms(pct(client, 0.50)), "p95", ms(pct(client, 0.95)), "p99",
                ms(pct(client, 0.99)), "max", ms(client.length == 0 ? 0 : client[client.length - 1])));
        result.put("serverMillis",
                server.length == 0 ? "no Server-Timing header"
                        : Map.of("p50", round(pct(server, 0.50)), "p95", round(pct(server, 0.95)), "p99",
                                round(pct(server, 0.99)), "max", round(server[server.length - 1])));
        result.put("transferredBytes",
                Map.of("gzip", s.allGzip(), "mean", Math.round(Arrays.stream(bytes).average().orElse(0)), "max",
                        bytes.length == 0 ? 0 : bytes[bytes.length - 1], "oneUncompressed", s.sampleUncompressed()));
        return result;
    }

    // --- event logging cost ---------------------------------------------------------------------------------------

    private Map<String, Object> eventCost(SwitchableEventLog events) throws Exception {
        int phase = Math.max(5, SECONDS / 3);
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        events.resetTimings();
        for (int round = 0; round < 2; round++) {
            for (boolean enabled : new boolean[] { true, false }) {
                events.enabled(enabled);
                drive(this::cardRequest, 3);
                System.out.printf(Locale.ROOT, "event logging %s: measuring %d s%n", enabled ? "on" : "off", phase);
                Samples s = drive(this::cardRequest, phase);
                double[] server = Arrays.stream(s.serverMillis()).filter(v -> !Double.isNaN(v)).sorted().toArray();
                (enabled ? on : off).add(pct(server, 0.5));
            }
        }
        events.enabled(true);
        double p50On = on.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double p50Off = off.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cardServerP50MillisOn", round(p50On));
        result.put("cardServerP50MillisOff", round(p50Off));
        result.put("p50DifferenceMillis", round(p50On - p50Off));
        result.put("recordCalls", events.calls());
        result.put("recordMeanMicros", round(events.meanMicros()));
        result.put("recordP50Micros", events.quantileMicros(0.5));
        result.put("recordP99Micros", events.quantileMicros(0.99));
        result.put("method", "card partial, " + phase + " s per phase, on/off/on/off on the same app;"
                + " record* = time inside EventLog.record per call (queueing; writes happen on the writer thread)");
        return result;
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double pct(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double ms(double nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(indent).append("  \"").append(e.getKey()).append("\": ")
                        .append(toJson(e.getValue(), indent + "  ")).append(++i < map.size() ? ",\n" : "\n");
            }
            return sb.append(indent).append("}").toString();
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(value);
    }
}
