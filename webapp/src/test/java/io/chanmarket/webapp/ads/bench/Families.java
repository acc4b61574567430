package io.chanmarket.webapp.ads.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Families of generated workloads for the ad engine: each family varies one thing the engine was not tuned on, and is
 * generated from any seed. The base: 400 clients of ages 14–70 in twelve cities (the first ones more populous), 20
 * advertisers, each client with ML scores (1–10,000, skewed low) for 6 of them, 60 campaigns over days 0–9 of 1–10 days
 * each (a third untargeted, the rest by gender, an age range, a city or a mix), prices 0.1–3 per impression and 0.5–15
 * per click, one visit per client and day, and impressions limits that add up to the visits (demand/supply 1.0): each
 * campaign's share follows the visits that fit it, times a random 0.5–1.5, never above the clients that fit it (a pair
 * counts once). A fifth of the campaigns have a clicks limit of a tenth of their impressions limit.
 */
public final class Families {

    private Families() {
    }

    /** One family's generator settings. */
    public record Spec(String name, String what, int clients, int advertisers, int campaigns, int lastDay,
            int scoresPerClient, double ratio, boolean oneAndThirtyDays, boolean narrowExpensive, boolean midDay,
            boolean createdMidHorizon, boolean visitsVary, double visits, Workload.ClickTruth truth) {

        Spec base(String newName, String newWhat) {
            return new Spec(newName, newWhat, clients, advertisers, campaigns, lastDay, scoresPerClient, ratio,
                    oneAndThirtyDays, narrowExpensive, midDay, createdMidHorizon, visitsVary, visits, truth);
        }

        Spec ratio(double r) {
            return new Spec(name, what, clients, advertisers, campaigns, lastDay, scoresPerClient, r, oneAndThirtyDays,
                    narrowExpensive, midDay, createdMidHorizon, visitsVary, visits, truth);
        }
    }

    static final Spec BASE = new Spec("base", "", 400, 20, 60, 9, 6, 1.0, false, false, false, false, false, 1.0,
            Workload.ClickTruth.RELATIVE_SQUARED);

    /** Every family, by name; {@code public-data-set} is the organizers' data with seeded visit orders. */
    public static Map<String, Spec> all() {
        Map<String, Spec> f = new LinkedHashMap<>();
        for (double r : new double[] { 0.3, 0.7, 1.0, 1.5, 3.0 }) {
            String name = "ratio-" + r;
            f.put(name, BASE.base(name, "demand/supply " + r).ratio(r));
        }
        f.put("windows-1-and-30", new Spec("windows-1-and-30", "half 1-day, half 30-day windows, 30 days, 250 clients",
                250, 20, 60, 29, 6, 1.0, true, false, false, false, false, 1.0, Workload.ClickTruth.RELATIVE_SQUARED));
        f.put("narrow-expensive",
                withFlags("narrow-expensive",
                        "15% narrow campaigns (gender, 10-year band, one city) at 4x prices among cheap broad ones",
                        false, true, false, false, false, 6, BASE.truth()));
        f.put("scores-sparse", withFlags("scores-sparse", "ML scores for 10% of pairs", false, false, false, false,
                false, 2, BASE.truth()));
        f.put("scores-dense", withFlags("scores-dense", "ML scores for every pair", false, false, false, false, false,
                20, BASE.truth()));
        f.put("midday-changes", withFlags("midday-changes",
                "prices (x0.6-1.6, a third of campaigns) and 10% of clients' ML scores change mid-day every 3rd day",
                false, false, true, false, false, 6, BASE.truth()));
        f.put("created-mid-horizon",
                withFlags("created-mid-horizon", "40% of campaigns created on their first day, mid-horizon", false,
                        false, false, true, false, 6, BASE.truth()));
        f.put("visits-vary-3x", withFlags("visits-vary-3x", "visits per day 0.5 or 1.5 per client (3x apart)", false,
                false, false, false, true, 6, BASE.truth()));
        f.put("click-truth-absolute",
                withFlags("click-truth-absolute",
                        "clicks follow the raw ML score (0.01 + 0.3 s/10,000), not the relative one", false, false,
                        false, false, false, 6, Workload.ClickTruth.ABSOLUTE_LINEAR));
        f.put("large-midday",
                new Spec("large-midday", "1,200 clients, 40 advertisers, 150 campaigns, mid-day changes", 1200, 40, 150,
                        9, 12, 1.0, false, false, true, false, false, 1.0, Workload.ClickTruth.RELATIVE_SQUARED));
        f.put("public-data-set", null);
        return f;
    }

    private static Spec withFlags(String name, String what, boolean oneAndThirty, boolean narrow, boolean midDay,
            boolean created, boolean vary, int scores, Workload.ClickTruth truth) {
        return new Spec(name, what, BASE.clients(), BASE.advertisers(), BASE.campaigns(), BASE.lastDay(), scores,
                BASE.ratio(), oneAndThirty, narrow, midDay, created, vary, BASE.visits(), truth);
    }

    /** The public data set: its own clients and campaigns, half a visit per client and day, seeded order. */
    public static Workload publicDataSet() {
        return Workload.classic(DataSet.fromResources(), new Replay.Options(0, 0.5, 8, 8));
    }

    private static final String[] CITIES = { "Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань",
            "Нижний Новгород", "Челябинск", "Самара", "Омск", "Ростов-на-Дону", "Уфа", "Красноярск" };

    /** A workload of the family, from the seed. */
    public static Workload generate(Spec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 7919 + spec.name().hashCode());
        int days = spec.lastDay() + 1;
        double[] perDay = new double[days];
        for (int d = 0; d < days; d++) {
            perDay[d] = spec.visitsVary() ? spec.visits() * (random.nextBoolean() ? 0.5 : 1.5) : spec.visits();
        }
        List<Map<String, Object>> clients = new ArrayList<>();
        for (int i = 0; i < spec.clients(); i++) {
            int city = Math.min(CITIES.length - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3));
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
            Set<Integer> picked = new HashSet<>();
            while (picked.size() < Math.min(spec.scoresPerClient(), spec.advertisers())) {
                picked.add(random.nextInt(spec.advertisers()));
            }
            for (int a : picked) {
                double u = random.nextDouble();
                scores.add(Map.of("client_id", client.get("client_id"), "advertiser_id",
                        advertisers.get(a).get("advertiser_id"), "score", 1 + (int) (9_999 * u * u * u)));
            }
        }
        List<Map<String, Object>> bodies = new ArrayList<>();
        int[] createdOn = new int[spec.campaigns()];
        double[] reach = new double[spec.campaigns()];
        int[] distinct = new int[spec.campaigns()];
        for (int i = 0; i < spec.campaigns(); i++) {
            int start;
            int end;
            if (spec.oneAndThirtyDays()) {
                boolean oneDay = i % 2 == 0;
                start = oneDay ? random.nextInt(days) : random.nextInt(Math.max(1, days - 29));
                end = oneDay ? start : Math.min(spec.lastDay(), start + 29);
            } else {
                start = random.nextInt(days);
                end = Math.min(spec.lastDay(), start + random.nextInt(10));
            }
            Map<String, Object> targeting = new HashMap<>();
            double priceFactor = 1;
            if (spec.narrowExpensive()) {
                if (random.nextInt(100) < 15) {
                    targeting.put("gender", random.nextBoolean() ? "MALE" : "FEMALE");
                    int from = 18 + random.nextInt(35);
                    targeting.put("age_from", from);
                    targeting.put("age_to", from + 9);
                    targeting.put("location", CITIES[random.nextInt(4)]);
                    priceFactor = 4;
                } else if (random.nextBoolean()) {
                    targeting.put("gender", random.nextBoolean() ? "MALE" : "FEMALE");
                }
            } else {
                int kind = random.nextInt(6);
                if (kind == 1 || kind == 4) {
                    targeting.put("gender", random.nextBoolean() ? "MALE" : "FEMALE");
                }
                if (kind == 2 || kind == 4) {
                    int from = 14 + random.nextInt(30);
                    targeting.put("age_from", from);
                    targeting.put("age_to", from + 5 + random.nextInt(25));
                }
                if (kind == 3 || kind == 5 && random.nextBoolean()) {
                    targeting.put("location", CITIES[random.nextInt(CITIES.length)]);
                }
            }
            if (spec.createdMidHorizon() && start > 0 && random.nextInt(10) < 4) {
                createdOn[i] = start;
            }
            for (Map<String, Object> client : clients) {
                if (fits(targeting, client)) {
                    distinct[i]++;
                }
            }
            for (int d = start; d <= end; d++) {
                reach[i] += perDay[d] * distinct[i];
            }
            reach[i] *= 0.5 + random.nextDouble();
            Map<String, Object> body = new HashMap<>();
            body.put("cost_per_impression",
                    Math.round((0.1 + 2.9 * Math.pow(random.nextDouble(), 2)) * priceFactor * 100) / 100.0);
            body.put("cost_per_click",
                    Math.round((0.5 + 14.5 * Math.pow(random.nextDouble(), 2)) * priceFactor * 100) / 100.0);
            body.put("ad_title", "Кампания " + (i + 1));
            body.put("ad_text", "Текст объявления кампании " + (i + 1));
            body.put("start_date", start);
            body.put("end_date", end);
            body.put("targeting", targeting);
            bodies.add(body);
        }
        double visits = 0;
        for (double v : perDay) {
            visits += v * spec.clients();
        }
        double[] limit = limits(reach, distinct, spec.ratio() * visits);
        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (int i = 0; i < spec.campaigns(); i++) {
            Map<String, Object> body = bodies.get(i);
            int impressions = Math.max(1, (int) Math.round(limit[i]));
            body.put("impressions_limit", impressions);
            body.put("clicks_limit", random.nextInt(5) == 0 ? Math.max(1, impressions / 10) : impressions);
            campaigns.add(Map.of("advertiser_id",
                    advertisers.get(random.nextInt(advertisers.size())).get("advertiser_id"), "campaign_data", body));
        }
        int[] changeDays = spec.midDay()
                ? java.util.stream.IntStream.rangeClosed(0, spec.lastDay()).filter(d -> d % 3 == 2).toArray()
                : new int[0];
        return new Workload(spec.name(), new DataSet(clients, advertisers, campaigns, scores), spec.lastDay(), perDay,
                createdOn, changeDays, changeDays, spec.truth());
    }

    /** Limits proportional to reach adding up to {@code total}, none above the clients that fit the campaign. */
    private static double[] limits(double[] reach, int[] distinct, double total) {
        int n = reach.length;
        double[] limit = new double[n];
        boolean[] capped = new boolean[n];
        for (int pass = 0; pass <= n; pass++) {
            double free = 0;
            double left = total;
            for (int i = 0; i < n; i++) {
                free += capped[i] ? 0 : reach[i];
                left -= capped[i] ? distinct[i] : 0;
            }
            boolean newCaps = false;
            for (int i = 0; i < n; i++) {
                if (!capped[i]) {
                    limit[i] = free <= 0 ? 0 : Math.max(0, left) * reach[i] / free;
                    if (limit[i] >= distinct[i]) {
                        capped[i] = true;
                        limit[i] = distinct[i];
                        newCaps = true;
                    }
                }
            }
            if (!newCaps) {
                break;
            }
        }
        return limit;
    }

    static boolean fits(Map<String, Object> targeting, Map<String, Object> client) {
        Object gender = targeting.get("gender");
        Object from = targeting.get("age_from");
        Object to = targeting.get("age_to");
        Object location = targeting.get("location");
        int age = ((Number) client.get("age")).intValue();
        return (gender == null || gender.equals(client.get("gender")))
                && (from == null || age >= ((Number) from).intValue())
                && (to == null || age <= ((Number) to).intValue())
                && (location == null || location.equals(client.get("location")));
    }

    private static UUID uuid(SplittableRandom random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
