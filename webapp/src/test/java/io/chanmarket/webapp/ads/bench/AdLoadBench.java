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
 * random clients out of {@code --clients}. Every answer 200 means the impression was committed to PostgreSQL before the
 * response. In the same run it measures the trivial endpoint {@code GET /bench/noop}, so noisy machines can be judged
 * by the ratio.
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl webapp exec:java -Dexec.mainClass=io.chanmarket.webapp.ads.bench.AdLoadBench \
 *     -Dexec.args="--seconds 30 --warmup 10 --connections 32"
 * </pre>
 *
 * By default it starts the application in this JVM on a fresh database ({@code --db-url}, else env TEST_DATABASE_URL,
 * else embedded) with the in-process shared state ({@code --redis URI} for Redis). With {@code --url http://host:port}
 * it loads an application already running instead (start it with {@code APP_ADS_BENCH_ENDPOINT=true} for the trivial
 * endpoint).
 */
public final class AdLoadBench {

    private AdLoadBench() {
    }

    /** The outcome of one measured phase. */
    record Phase(String name, long requests, long errors, double seconds, long[] micros) {
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
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "32"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "5000"));
        int campaigns = Integer.parseInt(opts.getOrDefault("campaigns", "50"));
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
            List<String> ids = seed(api, clients, campaigns);
            System.out.printf(Locale.ROOT, "Seeded %d clients, %d campaigns; %d connections%n", clients, campaigns,
                    connections);
            run(http, base, ids, "/ads?client_id=", connections, warmup, "warm-up");
            ImpressionWriter.Throughput before = node == null ? null : node.bean(ImpressionWriter.class).throughput();
            Phase ads = run(http, base, ids, "/ads?client_id=", connections, seconds, "GET /ads");
            ImpressionWriter.Throughput after = node == null ? null : node.bean(ImpressionWriter.class).throughput();
            Phase noop = run(http, base, ids, "/bench/noop?c=", connections, Math.max(5, seconds / 2),
                    "GET /bench/noop");
            System.out.println();
            System.out.println("| endpoint | requests | non-2xx | req/s | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            System.out.println(ads.line());
            System.out.println(noop.line());
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

    /** Clients, advertisers with ML scores for some clients, and campaigns running today with large limits. */
    private static List<String> seed(AdApi api, int clients, int campaigns) throws Exception {
        int today = currentDay(api);
        List<String> ids = new ArrayList<>();
        String[] towns = { "Chicago", "Boston", "Austin", "Denver" };
        for (int from = 0; from < clients; from += 5000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(clients, from + 5000); i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                batch.add(Map.of("client_id", id, "login", "bench" + i, "age", 18 + i % 60, "location",
                        towns[i % towns.length], "gender", i % 2 == 0 ? "MALE" : "FEMALE"));
            }
            expect(api.post("/clients/bulk", batch), 201);
        }
        List<String> advertisers = new ArrayList<>();
        List<Map<String, Object>> advertiserBodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            advertisers.add(id);
            advertiserBodies.add(Map.of("advertiser_id", id, "name", "Bench advertiser " + i));
        }
        expect(api.post("/advertisers/bulk", advertiserBodies), 201);
        SplittableRandom random = new SplittableRandom(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AdApi.Reply>> scores = new ArrayList<>();
        for (int i = 0; i < Math.min(clients, 2000); i++) {
            String client = ids.get(i);
            for (int a = 0; a < 3; a++) {
                String advertiser = advertisers.get(random.nextInt(advertisers.size()));
                int score = random.nextInt(10_000);
                scores.add(pool.submit(() -> api.post("/ml-scores",
                        Map.of("client_id", client, "advertiser_id", advertiser, "score", score))));
            }
        }
        for (Future<AdApi.Reply> score : scores) {
            expect(score.get(), 200);
        }
        pool.shutdown();
        for (int i = 0; i < campaigns; i++) {
            Map<String, Object> targeting = new LinkedHashMap<>();
            if (i % 5 == 1) {
                targeting.put("location", towns[i % towns.length]);
            }
            if (i % 5 == 2) {
                targeting.put("gender", "FEMALE");
                targeting.put("age_from", 20);
                targeting.put("age_to", 60);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("impressions_limit", 1_000_000);
            body.put("clicks_limit", 1_000_000);
            body.put("cost_per_impression", 0.5 + random.nextDouble() * 2);
            body.put("cost_per_click", 1 + random.nextDouble() * 5);
            body.put("ad_title", "Bench ad " + i);
            body.put("ad_text", "Text of bench ad " + i);
            body.put("start_date", today);
            body.put("end_date", today + 30);
            body.put("targeting", targeting);
            expect(api.post("/advertisers/" + advertisers.get(i % advertisers.size()) + "/campaigns", body), 201);
        }
        return ids;
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

    private static Phase run(HttpClient http, URI base, List<String> clients, String path, int connections, int seconds,
            String name) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            SplittableRandom random = new SplittableRandom(t * 7919L + name.hashCode());
            results.add(threads.submit(() -> {
                long[] micros = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    String client = clients.get(random.nextInt(clients.size()));
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(path + client))
                            .timeout(Duration.ofSeconds(30)).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == micros.length) {
                        micros = Arrays.copyOf(micros, n * 2);
                    }
                    micros[n++] = (System.nanoTime() - sent) / 1000;
                }
                return Arrays.copyOf(micros, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Phase(name, merged.length, errors.get(), elapsed, merged);
    }
}
