package io.chanmarket.webapp.ads.bench;

import io.chanmarket.core.ads.serving.ImpressionWriter;
import io.chanmarket.webapp.ads.AdApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of {@code GET /ads}: a closed loop of {@code --connections} (32) client threads over one java.net.http
 * client (so at most that many HTTP/1.1 connections), each sending the next request as soon as the last answered, for
 * random clients out of {@code --clients}; after {@code --click-share} (5%) of the shown ads the thread clicks the ad
 * before its next request. Every answer 200 means the impression was committed to PostgreSQL before the response. In
 * the same run it measures the trivial endpoint {@code GET /bench/noop}, so noisy machines can be judged by the ratio.
 * The workload by default: 100,000 clients, 200 advertisers, 10 ML scores per client (1,000,000), 10,000 campaigns of
 * which 2,500 run today ({@code --clients}, {@code --advertisers}, {@code --scores-per-client}, {@code --campaigns},
 * {@code --active}); the ML scores are written with COPY into the node's database unless {@code --post-scores true}.
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl webapp exec:java -Dexec.mainClass=io.chanmarket.webapp.ads.bench.AdLoadBench \
 *     -Dexec.args="--seconds 60 --warmup 30 --connections 32"
 * </pre>
 *
 * By default it starts the application in this JVM on a fresh database ({@code --db-url}, else env TEST_DATABASE_URL,
 * else embedded) with the in-process shared state ({@code --redis URI} for Redis). With {@code --url http://host:port}
 * it loads an application already running instead (start it with {@code APP_ADS_BENCH_ENDPOINT=true} for the trivial
 * endpoint).
 *
 * <p>
 * Last, {@code --rate} (3,000; 0 = off) requests per second are sent to {@code GET /ads} in an open loop for half the
 * measured time: latency at a fixed offered rate, which a closed loop at saturation cannot show ({@code --rate-path
 * /bench/noop?c=} sends it to the trivial endpoint instead: what the machine and the load generator alone cost). The
 * open loop runs on {@link OpenLoop} (64 keep-alive connections, blocking sockets); {@code --open-client java-http}
 * uses the asynchronous {@code java.net.http} client instead, which measured itself more than the server;
 * {@code --rate-noop true} runs the same open loop against the trivial endpoint afterwards (the floor of the machine
 * and the generator).
 */
public final class AdLoadBench {

    private AdLoadBench() {
    }

    /** The outcome of one measured phase. */
    record Phase(String name, long requests, long errors, double seconds, long[] micros, Phase clicks) {
        double perSecond() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (micros.length == 0) {
                return 0;
            }
            return micros[Math.min(micros.length - 1, (int) Math.ceil(p * micros.length) - 1)] / 1000.0;
        }

        String line() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |", name, requests,
                    errors, perSecond(), percentile(0.50), percentile(0.90), percentile(0.99), percentile(1.0));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "30"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "32"));
        Workload workload = new Workload(Integer.parseInt(opts.getOrDefault("clients", "100000")),
                Integer.parseInt(opts.getOrDefault("advertisers", "200")),
                Integer.parseInt(opts.getOrDefault("scores-per-client", "10")),
                Integer.parseInt(opts.getOrDefault("campaigns", "10000")),
                Integer.parseInt(opts.getOrDefault("active", "2500")));
        double clickShare = Double.parseDouble(opts.getOrDefault("click-share", "0.05"));
        BenchNode node = null;
        URI base;
        if (opts.containsKey("url")) {
            base = URI.create(opts.get("url"));
        } else {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("app.ads.bench-endpoint", "true");
            for (String setting : opts.getOrDefault("props", "").split(",")) {
                if (setting.contains("=")) {
                    props.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
                }
            }
            node = new BenchNode(opts.getOrDefault("db-url", System.getenv("TEST_DATABASE_URL")),
                    System.getenv("TEST_DATABASE_USER"), opts.get("redis"), props);
            base = node.uri();
        }
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
            AdApi api = new AdApi(base, http);
            List<String> ids = seed(api, workload, node != null && !opts.containsKey("post-scores") ? node : null);
            System.out.printf(Locale.ROOT, "%d connections, %.0f%% of shown ads clicked%n", connections,
                    clickShare * 100);
            run(http, base, ids, "/ads?client_id=", connections, warmup, "warm-up", clickShare);
            ImpressionWriter.Throughput before = node == null ? null : node.bean(ImpressionWriter.class).throughput();
            Phase ads = run(http, base, ids, "/ads?client_id=", connections, seconds, "GET /ads", clickShare);
            ImpressionWriter.Throughput after = node == null ? null : node.bean(ImpressionWriter.class).throughput();
            Phase noop = run(http, base, ids, "/bench/noop?c=", connections, Math.max(5, seconds / 2),
                    "GET /bench/noop", 0);
            int rate = Integer.parseInt(opts.getOrDefault("rate", "3000"));
            String ratePath = opts.getOrDefault("rate-path", "/ads?client_id=");
            int rateSeconds = Math.max(10, seconds / 2);
            Phase fixed = null;
            if (rate > 0 && "java-http".equals(opts.get("open-client"))) {
                fixed = fixedRate(http, base, ids, ratePath, rate, rateSeconds);
            } else if (rate > 0) {
                OpenLoop.Outcome o = new OpenLoop(base, 64, 512).run(ratePath, ids, rate, rateSeconds);
                fixed = new Phase(
                        "GET " + ratePath.substring(0, ratePath.indexOf('?')) + " at " + rate
                                + "/s (open loop, sockets)",
                        o.micros().length, o.errors(), o.seconds(), o.micros(),
                        new Phase("-", 0, 0, 1, new long[0], null));
            }
            Phase fixedNoop = null;
            if (rate > 0 && "true".equals(opts.get("rate-noop"))) {
                OpenLoop.Outcome o = new OpenLoop(base, 64, 512).run("/bench/noop?c=", ids, rate, rateSeconds);
                fixedNoop = new Phase("GET /bench/noop at " + rate + "/s (open loop, sockets)", o.micros().length,
                        o.errors(), o.seconds(), o.micros(), new Phase("-", 0, 0, 1, new long[0], null));
            }
            System.out.println();
            System.out.println("| endpoint | requests | non-2xx | req/s | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            System.out.println(ads.line());
            System.out.println(ads.clicks().line());
            System.out.println(noop.line());
            if (fixed != null) {
                System.out.println(fixed.line());
            }
            if (fixedNoop != null) {
                System.out.println(fixedNoop.line());
            }
            System.out.printf(Locale.ROOT, "%nGET /ads throughput = %.0f%% of the trivial endpoint's in this run%n",
                    100 * ads.perSecond() / noop.perSecond());
            if (before != null) {
                long batches = after.batches() - before.batches();
                long rows = after.rows() - before.rows();
                System.out.printf(Locale.ROOT,
                        "Group commit during GET /ads: %d commits, %.1f impressions per commit, %.2f ms per commit%n",
                        batches, (double) rows / Math.max(1, batches),
                        (after.storeNanos() - before.storeNanos()) / 1e6 / Math.max(1, batches));
            }
            System.out.printf(Locale.ROOT, "Load average after the run: %s%n", loadAverage());
        } finally {
            if (node != null) {
                node.close();
            }
        }
        System.exit(0);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The size of the seeded workload. */
    record Workload(int clients, int advertisers, int scoresPerClient, int campaigns, int active) {
    }

    /**
     * Clients (bulk, 5,000 a request), advertisers, ML scores ({@code scoresPerClient} advertisers per client; through
     * {@code POST /ml-scores} with 16 requests in flight, or with {@code copy} straight into the node's own database by
     * COPY before anything is served), and campaigns: {@code active} running today (large limits, 40% untargeted, the
     * rest targeting gender, an age range or a town) and the rest starting on a later day.
     */
    private static List<String> seed(AdApi api, Workload w, BenchNode copyInto) throws Exception {
        int today = currentDay(api);
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < w.clients(); from += 5000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(w.clients(), from + 5000); i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                batch.add(Map.of("client_id", id, "login", "bench" + i, "age", 18 + i % 60, "location",
                        TOWNS[i % TOWNS.length], "gender", i % 2 == 0 ? "MALE" : "FEMALE"));
            }
            expect(api.post("/clients/bulk", batch), 201);
        }
        List<String> advertisers = new ArrayList<>();
        List<Map<String, Object>> advertiserBodies = new ArrayList<>();
        for (int i = 0; i < w.advertisers(); i++) {
            String id = UUID.randomUUID().toString();
            advertisers.add(id);
            advertiserBodies.add(Map.of("advertiser_id", id, "name", "Bench advertiser " + i));
        }
        expect(api.post("/advertisers/bulk", advertiserBodies), 201);
        System.out.printf(Locale.ROOT, "Seeded %d clients and %d advertisers in %.0f s%n", w.clients(), w.advertisers(),
                (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        long scores = copyInto != null ? copyScores(copyInto, ids, advertisers, w.scoresPerClient())
                : postScores(api, ids, advertisers, w.scoresPerClient());
        if (copyInto != null) {
            // COPY bypassed the engine: tell it, as a bulk change would, so it reloads its client profiles.
            copyInto.bean(io.chanmarket.core.ads.ChangeBus.class)
                    .publish(io.chanmarket.core.ads.clients.Clients.ALL_CHANGED);
        }
        System.out.printf(Locale.ROOT, "Seeded %d ML scores (%s) in %.0f s%n", scores,
                copyInto != null ? "COPY" : "POST /ml-scores", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<AdApi.Reply>> created = new ArrayList<>();
        for (int i = 0; i < w.campaigns(); i++) {
            boolean active = i < w.active();
            Map<String, Object> targeting = new LinkedHashMap<>();
            switch (i % 5) {
            case 2 -> targeting.put("location", TOWNS[i % TOWNS.length]);
            case 3 -> targeting.put("gender", i % 2 == 0 ? "MALE" : "FEMALE");
            case 4 -> {
                targeting.put("age_from", 18 + i % 30);
                targeting.put("age_to", 38 + i % 30);
            }
            default -> {
            }
            }
            int start = active ? today : today + 1 + random.nextInt(60);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("impressions_limit", 1_000_000);
            body.put("clicks_limit", 1_000_000);
            body.put("cost_per_impression", Math.round((0.5 + random.nextDouble() * 2) * 100) / 100.0);
            body.put("cost_per_click", Math.round((1 + random.nextDouble() * 5) * 100) / 100.0);
            body.put("ad_title", "Bench ad " + i);
            body.put("ad_text", "Text of bench ad " + i);
            body.put("start_date", start);
            body.put("end_date", start + 30);
            body.put("targeting", targeting);
            String advertiser = advertisers.get(i % advertisers.size());
            created.add(pool.submit(() -> api.post("/advertisers/" + advertiser + "/campaigns", body)));
        }
        for (Future<AdApi.Reply> reply : created) {
            expect(reply.get(), 201);
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "Seeded %d campaigns (%d running today) in %.0f s%n", w.campaigns(), w.active(),
                (System.nanoTime() - started) / 1e9);
        return ids;
    }

    private static final String[] TOWNS = { "Chicago", "Boston", "Austin", "Denver" };

    private static long postScores(AdApi api, List<String> clients, List<String> advertisers, int perClient)
            throws Exception {
        SplittableRandom random = new SplittableRandom(2);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(256);
        AtomicLong failed = new AtomicLong();
        long n = 0;
        for (String client : clients) {
            int first = random.nextInt(advertisers.size());
            for (int a = 0; a < perClient; a++) {
                String advertiser = advertisers.get((first + a * 7) % advertisers.size());
                int score = random.nextInt(10_000);
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        if (api.post("/ml-scores",
                                Map.of("client_id", client, "advertiser_id", advertiser, "score", score))
                                .status() != 200) {
                            failed.incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                    }
                });
                n++;
            }
        }
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " ML score uploads failed");
        }
        return n;
    }

    /** The same scores written with COPY into the node's database; only before the engine has read any client. */
    private static long copyScores(BenchNode node, List<String> clients, List<String> advertisers, int perClient)
            throws Exception {
        SplittableRandom random = new SplittableRandom(2);
        StringBuilder rows = new StringBuilder();
        long n = 0;
        for (String client : clients) {
            int first = random.nextInt(advertisers.size());
            for (int a = 0; a < perClient; a++) {
                rows.append(client).append('\t').append(advertisers.get((first + a * 7) % advertisers.size()))
                        .append('\t').append(random.nextInt(10_000)).append('\n');
                n++;
            }
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(node.jdbcUrl(), node.user(), "")) {
            new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class)).copyIn(
                    "COPY ad_ml_score (client_id, advertiser_id, score) FROM STDIN",
                    new java.io.StringReader(rows.toString()));
        }
        return n;
    }

    /** The engine's current day: 0 on a fresh engine, else what the refusal to go back to 0 names. */
    private static int currentDay(AdApi api) {
        AdApi.Reply reply = api.post("/time/advance", Map.of("current_date", 0));
        if (reply.status() == 200) {
            return 0;
        }
        Matcher day = Pattern.compile("current day is (\\d+)").matcher(reply.body());
        if (!day.find()) {
            throw new IllegalStateException("cannot tell the current day: " + reply.body());
        }
        return Integer.parseInt(day.group(1));
    }

    private static void expect(AdApi.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
        }
    }

    private static final Pattern AD_ID = Pattern.compile("\"ad_id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** Latencies of one kind of request on one thread. */
    private static final class Samples {
        long[] micros = new long[1024];
        int n;

        void add(long value) {
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, n * 2);
            }
            micros[n++] = value;
        }

        long[] values() {
            return Arrays.copyOf(micros, n);
        }
    }

    /**
     * {@code connections} threads in a closed loop for {@code seconds}: each sends {@code path + a random client} and,
     * with probability {@code clickShare} after an ad was shown, clicks it ({@code POST /ads/{id}/click}) before the
     * next request.
     */
    /**
     * An open loop: {@code GET /ads} sent at a fixed {@code rate} whatever the answers do, each latency measured from
     * the moment the request was due (so a stall counts for every request it delays, not only for the one it hit); at
     * most 512 requests in flight, a request that would pass that counts as an error.
     */
    private static Phase fixedRate(HttpClient http, URI base, List<String> clients, String path, int rate, int seconds)
            throws Exception {
        int total = rate * seconds;
        long[] micros = new long[total];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(512);
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(total);
        SplittableRandom random = new SplittableRandom(99);
        long start = System.nanoTime();
        double period = 1e9 / rate;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * period);
            OpenLoop.awaitDue(due);
            if (!inFlight.tryAcquire()) {
                errors.incrementAndGet();
                micros[done.getAndIncrement()] = (System.nanoTime() - due) / 1000;
                finished.countDown();
                continue;
            }
            HttpRequest request = HttpRequest
                    .newBuilder(base.resolve(path + clients.get(random.nextInt(clients.size()))))
                    .timeout(Duration.ofSeconds(30)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() / 100 != 2) {
                    errors.incrementAndGet();
                }
                micros[done.getAndIncrement()] = (System.nanoTime() - due) / 1000;
                inFlight.release();
                finished.countDown();
            });
        }
        finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(micros, done.get());
        Arrays.sort(sorted);
        return new Phase("GET " + path.substring(0, path.indexOf('?')) + " at " + rate + "/s (open loop)", total,
                errors.get(), elapsed, sorted, new Phase("-", 0, 0, 1, new long[0], null));
    }

    private static Phase run(HttpClient http, URI base, List<String> clients, String path, int connections, int seconds,
            String name, double clickShare) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong clickErrors = new AtomicLong();
        List<Future<Samples[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            SplittableRandom random = new SplittableRandom(t * 7919L + name.hashCode());
            results.add(threads.submit(() -> {
                Samples requests = new Samples();
                Samples clicks = new Samples();
                while (System.nanoTime() < deadline) {
                    String client = clients.get(random.nextInt(clients.size()));
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(path + client))
                            .timeout(Duration.ofSeconds(30)).build();
                    long sent = System.nanoTime();
                    String body = null;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        } else {
                            body = response.body();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    requests.add((System.nanoTime() - sent) / 1000);
                    Matcher ad = body == null || clickShare <= 0 || random.nextDouble() >= clickShare ? null
                            : AD_ID.matcher(body);
                    if (ad != null && ad.find()) {
                        HttpRequest click = HttpRequest.newBuilder(base.resolve("/ads/" + ad.group(1) + "/click"))
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"" + client + "\"}"))
                                .build();
                        long clicked = System.nanoTime();
                        try {
                            if (http.send(click, HttpResponse.BodyHandlers.discarding()).statusCode() != 204) {
                                clickErrors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            clickErrors.incrementAndGet();
                        }
                        clicks.add((System.nanoTime() - clicked) / 1000);
                    }
                }
                return new Samples[] { requests, clicks };
            }));
        }
        List<long[]> all = new ArrayList<>();
        List<long[]> allClicks = new ArrayList<>();
        for (Future<Samples[]> result : results) {
            Samples[] samples = result.get();
            all.add(samples[0].values());
            allClicks.add(samples[1].values());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long[] mergedClicks = allClicks.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Phase clicks = new Phase("POST /ads/{id}/click", mergedClicks.length, clickErrors.get(), elapsed, mergedClicks,
                null);
        return new Phase(name, merged.length, errors.get(), elapsed, merged, clicks);
    }
}
