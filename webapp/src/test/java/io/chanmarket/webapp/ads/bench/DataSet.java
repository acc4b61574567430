package io.chanmarket.webapp.ads.bench;

import io.chanmarket.webapp.ads.AdApi;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The ad engine's public data set (PROD 2025 open test): clients, advertisers, campaigns (each with its advertiser) and
 * ML scores, read from a folder or from the test resources under {@code /ads/}.
 */
public record DataSet(List<Map<String, Object>> clients, List<Map<String, Object>> advertisers,
        List<Map<String, Object>> campaigns, List<Map<String, Object>> scores) {

    public static DataSet fromResources() {
        return new DataSet(AdApi.resourceList("bulk_clients.json"), AdApi.resourceList("advertisers.json"),
                AdApi.resourceList("campaigns.json"), AdApi.resourceList("ml_scores.json"));
    }

    public static DataSet fromDirectory(Path dir) {
        return new DataSet(file(dir.resolve("bulk_clients.json")), file(dir.resolve("advertisers.json")),
                file(dir.resolve("campaigns.json")), file(dir.resolve("ml_scores.json")));
    }

    private static List<Map<String, Object>> file(Path path) {
        try {
            return AdApi.read(Files.readString(path), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same data limited to the first {@code n} clients and their ML scores (quicker tests). */
    public DataSet firstClients(int n) {
        List<Map<String, Object>> kept = clients.subList(0, Math.min(n, clients.size()));
        java.util.Set<Object> ids = kept.stream().map(c -> c.get("client_id"))
                .collect(java.util.stream.Collectors.toSet());
        return new DataSet(kept, advertisers, campaigns,
                scores.stream().filter(s -> ids.contains(s.get("client_id"))).toList());
    }

    /** The size of a generated workload. */
    public record Spec(int clients, int advertisers, int campaigns, int scoresPerClient, int days, double visits,
            long seed) {

        /** {@code clients=5000,advertisers=100,campaigns=500,scores=20,days=20}; omitted keys keep the defaults. */
        public static Spec parse(String text, double visits, long seed) {
            Map<String, Integer> v = new HashMap<>(
                    Map.of("clients", 5000, "advertisers", 100, "campaigns", 500, "scores", 20, "days", 20));
            for (String part : text.split(",")) {
                if (part.contains("=")) {
                    String key = part.substring(0, part.indexOf('=')).trim();
                    if (!v.containsKey(key)) {
                        throw new IllegalArgumentException("unknown workload key " + key + "; known: " + v.keySet());
                    }
                    v.put(key, Integer.parseInt(part.substring(part.indexOf('=') + 1).trim()));
                }
            }
            return new Spec(v.get("clients"), v.get("advertisers"), v.get("campaigns"), v.get("scores"), v.get("days"),
                    visits, seed);
        }
    }

    private static final String[] CITIES = { "Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань",
            "Нижний Новгород", "Челябинск", "Самара", "Омск", "Ростов-на-Дону", "Уфа", "Красноярск" };

    /**
     * A seeded workload shaped like the public data set but larger: clients of ages 14–70 in twelve cities (the first
     * ones more populous), each with ML scores (1–10,000, skewed low) for {@code scoresPerClient} random advertisers;
     * campaigns of 1–10 days starting on days 0 … days−1, 40% untargeted and the rest targeting gender, an age range, a
     * city or two of these, priced 0.1–3 per impression and 0.5–15 per click, their impressions limits together about
     * 80% of the visits that fit them over their days, so the engine has to choose; clicks limits equal the impressions
     * limits, as in the public data set.
     */
    public static DataSet generate(Spec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<Map<String, Object>> clients = new ArrayList<>(spec.clients());
        int[] cityWeight = new int[CITIES.length];
        for (int i = 0; i < spec.clients(); i++) {
            int city = Math.min(CITIES.length - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3));
            cityWeight[city]++;
            clients.add(
                    Map.of("client_id", uuid(random).toString(), "login", "user" + i, "age", 14 + random.nextInt(57),
                            "location", CITIES[city], "gender", random.nextBoolean() ? "MALE" : "FEMALE"));
        }
        List<Map<String, Object>> advertisers = new ArrayList<>();
        for (int i = 0; i < spec.advertisers(); i++) {
            advertisers.add(Map.of("advertiser_id", uuid(random).toString(), "name", "Рекламодатель " + (i + 1)));
        }
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Map<String, Object> client : clients) {
            java.util.Set<Integer> picked = new java.util.HashSet<>();
            while (picked.size() < Math.min(spec.scoresPerClient(), spec.advertisers())) {
                picked.add(random.nextInt(spec.advertisers()));
            }
            for (int a : picked) {
                double u = random.nextDouble();
                scores.add(Map.of("client_id", client.get("client_id"), "advertiser_id",
                        advertisers.get(a).get("advertiser_id"), "score", 1 + (int) (9_999 * u * u * u)));
            }
        }
        List<Map<String, Object>> campaigns = new ArrayList<>();
        double[] reach = new double[spec.campaigns()];
        double reachSum = 0;
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < spec.campaigns(); i++) {
            int start = random.nextInt(Math.max(1, spec.days()));
            int end = Math.min(spec.days(), start + random.nextInt(10));
            Map<String, Object> targeting = new HashMap<>();
            double share = 1;
            int kind = random.nextInt(10);
            if (kind >= 4 && kind <= 5) {
                targeting.put("gender", random.nextBoolean() ? "MALE" : "FEMALE");
                share /= 2;
            }
            if (kind == 6 || kind == 9) {
                int from = 14 + random.nextInt(30);
                int to = from + 5 + random.nextInt(25);
                targeting.put("age_from", from);
                targeting.put("age_to", to);
                share *= Math.min(57, to - from + 1) / 57.0;
            }
            if (kind >= 7) {
                int city = random.nextInt(CITIES.length);
                targeting.put("location", CITIES[city]);
                share *= Math.max(1, cityWeight[city]) / (double) spec.clients();
            }
            reach[i] = share * (end - start + 1);
            reachSum += reach[i];
            Map<String, Object> body = new HashMap<>();
            body.put("cost_per_impression", Math.round((0.1 + 2.9 * Math.pow(random.nextDouble(), 2)) * 100) / 100.0);
            body.put("cost_per_click", Math.round((0.5 + 14.5 * Math.pow(random.nextDouble(), 2)) * 100) / 100.0);
            body.put("ad_title", "Кампания " + (i + 1));
            body.put("ad_text", "Текст объявления кампании " + (i + 1));
            body.put("start_date", start);
            body.put("end_date", end);
            body.put("targeting", targeting);
            bodies.add(body);
        }
        double visitsInAll = spec.clients() * spec.visits() * (spec.days() + 1);
        for (int i = 0; i < spec.campaigns(); i++) {
            Map<String, Object> body = bodies.get(i);
            double fair = 0.8 * visitsInAll * reach[i] / Math.max(reachSum, 1e-9);
            int limit = Math.max(1, (int) Math.round(fair * (0.5 + random.nextDouble())));
            body.put("impressions_limit", limit);
            body.put("clicks_limit", limit);
            campaigns.add(Map.of("advertiser_id",
                    advertisers.get(random.nextInt(advertisers.size())).get("advertiser_id"), "campaign_data", body));
        }
        return new DataSet(clients, advertisers, campaigns, scores);
    }

    private static UUID uuid(SplittableRandom random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** ML score by client id, then advertiser id. */
    public Map<String, Map<String, Integer>> scoreTable() {
        Map<String, Map<String, Integer>> table = new HashMap<>();
        for (Map<String, Object> score : scores) {
            table.computeIfAbsent((String) score.get("client_id"), k -> new HashMap<>())
                    .put((String) score.get("advertiser_id"), ((Number) score.get("score")).intValue());
        }
        return table;
    }
}
