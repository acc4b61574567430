package io.chanmarket.webapp.ads.bench;

import io.chanmarket.webapp.ads.AdApi;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays a {@link Workload} against a running ad engine over HTTP, day by day, checks the engine's statistics against
 * its own ledger, and computes on the same visits AdNova's baseline and the offline optimum ({@link OfflineOptimum}).
 *
 * <p>
 * Traffic: on day d each client visits {@code visitsPerDay[d]} times on average (the integer part always, the fraction
 * with that probability) in a seeded random order; each visit is one {@code GET /ads}. Campaigns are created at the
 * start of their {@code createdOnDay}. Halfway through a day listed in {@code priceChangeDays} every third running
 * campaign changes both prices by a seeded factor in [0.6, 1.6] (a PUT), so the statistics must keep each event's price
 * in force; halfway through a day listed in {@code scoreChangeDays} a tenth of the clients get new ML scores. Clicks:
 * the hidden truth ({@link Workload.ClickTruth}) gives p(click) from the ML score in force; whether a (client,
 * campaign) pair clicks is drawn once from the seed and the pair, so policies replayed with one seed face the same
 * clicking clients. With the environment variable {@code REPLAY_DEBUG} set, each campaign's window, limits, impressions
 * and clicks are printed at the end (where its units went unfilled, and why).
 */
public final class Replay {

    /** How to replay the classic way: one visit rate, prices changed on one day. */
    public record Options(long seed, double visits, int priceChangeDay, int scoreUploadThreads) {
        public static Options defaults() {
            return new Options(42, 0.5, 8, 8);
        }
    }

    /**
     * What one policy achieved on the visit sequence: ads answered, visits without an ad, unique impressions and their
     * clicks, revenue (impression price for each new unique impression, click price for each unique click, at the price
     * in force), mean ML score over unique impressions, and how the campaigns' limits were met.
     */
    public record Outcome(long answered, long noAd, long impressions, long clicks, double revenueImpressions,
            double revenueClicks, double averageMlScore, int overLimit, int exceedImpressionsLimit, double fulfilment,
            double impressionsMeanRelativeError, double expectedRevenue, double servedMlScore) {

        public double revenue() {
            return revenueImpressions + revenueClicks;
        }

        /** Ads shown again to a client already counted for them: they earn nothing. */
        public long repeats() {
            return answered - impressions;
        }

        static Outcome of(long answered, long noAd, long impressions, long clicks, double revenueImpressions,
                double revenueClicks, double averageMlScore, List<CampaignState> campaigns,
                java.util.function.IntToLongFunction shown, double expectedRevenue, double servedMlScore) {
            int over = 0;
            int exceed = 0;
            double fulfilment = 0;
            double error = 0;
            int limited = 0;
            for (CampaignState c : campaigns) {
                long n = shown.applyAsLong(c.index);
                over += n > c.limit ? 1 : 0;
                exceed += n > c.limit * 1.05 ? 1 : 0;
                fulfilment += c.limit == 0 ? 1 : Math.min(1.0, (double) n / c.limit);
                if (c.limit > 0) {
                    error += Math.abs(n - c.limit) / (double) c.limit;
                    limited++;
                }
            }
            return new Outcome(answered, noAd, impressions, clicks, revenueImpressions, revenueClicks, averageMlScore,
                    over, exceed, campaigns.isEmpty() ? 0 : fulfilment / campaigns.size(),
                    limited == 0 ? 0 : error / limited, expectedRevenue, servedMlScore);
        }
    }

    /**
     * The replay's findings: the engine's outcome over HTTP and the offline baseline's on the same visits, error
     * counts, targeting/date mistakes of the engine, and the statistics check.
     */
    public record Result(int requests, Outcome engine, Outcome baseline, double avgRelativeScore, int error5xx,
            int error404, int targetingErrors, int statsChecked, List<String> statsMismatches,
            double averageResponseMillis, long p50Micros, long p99Micros, OfflineOptimum.Solution optimum) {

        /** Expected revenue of the engine's unique impressions over the LP optimum of the same visits. */
        public double ofOptimum() {
            return engine.expectedRevenue() / optimum.optimum();
        }

        /** The same for AdNova's rule. */
        public double baselineOfOptimum() {
            return baseline.expectedRevenue() / optimum.optimum();
        }

        /** Expected revenue over the optimum of the LP that also keeps the clicks limits (a tighter bound). */
        public double ofCappedOptimum() {
            return engine.expectedRevenue() / optimum.clickCapped();
        }

        /** The same for AdNova's rule. */
        public double baselineOfCappedOptimum() {
            return baseline.expectedRevenue() / optimum.clickCapped();
        }
    }

    static final class CampaignState {
        final int index;
        final String advertiserId;
        final int limit;
        final int clicksLimit;
        final int start;
        final int end;
        final Map<String, Object> targeting;
        final Map<String, Object> body;
        BigDecimal cpi;
        BigDecimal cpc;
        long impressions;
        long clicks;
        String id;
        final int createdOnDay;

        CampaignState(int index, String advertiserId, Map<String, Object> body, int createdOnDay) {
            this.index = index;
            this.createdOnDay = createdOnDay;
            this.advertiserId = advertiserId;
            this.body = body;
            this.limit = ((Number) body.get("impressions_limit")).intValue();
            this.clicksLimit = ((Number) body.get("clicks_limit")).intValue();
            this.start = ((Number) body.get("start_date")).intValue();
            this.end = ((Number) body.get("end_date")).intValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) body.get("targeting");
            this.targeting = t == null ? Map.of() : t;
            this.cpi = decimal(body.get("cost_per_impression"));
            this.cpc = decimal(body.get("cost_per_click"));
        }

        boolean fits(Map<String, Object> client, int day) {
            if (id == null || day < start || day > end) {
                return false;
            }
            Object gender = targeting.get("gender");
            Object from = targeting.get("age_from");
            Object to = targeting.get("age_to");
            Object location = targeting.get("location");
            int age = ((Number) client.get("age")).intValue();
            return (gender == null || "ALL".equals(gender) || gender.equals(client.get("gender")))
                    && (from == null || age >= ((Number) from).intValue())
                    && (to == null || age <= ((Number) to).intValue())
                    && (location == null || location.equals(client.get("location")));
        }
    }

    /** Totals of one day (or of all days): counts and money. */
    private static final class Totals {
        long impressions;
        long clicks;
        BigDecimal spentImpressions = BigDecimal.ZERO;
        BigDecimal spentClicks = BigDecimal.ZERO;
    }

    private final AdApi api;
    private final Workload workload;
    private final DataSet data;
    private final long seed;
    private final int uploadThreads;
    private final Map<String, Map<String, Integer>> scores;
    private final Map<String, Integer> bestScore = new HashMap<>();
    private final List<CampaignState> all = new ArrayList<>();
    private final Map<String, CampaignState> campaigns = new LinkedHashMap<>();
    private final Map<String, Integer> clientIndex = new HashMap<>();
    private final Map<String, Map<Integer, Totals>> ledger = new HashMap<>();
    private final Set<String> counted = new HashSet<>();
    private final List<Long> latencies = new ArrayList<>();
    private final OfflineOptimum optimum = new OfflineOptimum();
    private final SplittableRandom changes;
    private int epoch;
    private long scoreSum;
    private long servedScoreSum;
    private double relativeScoreSum;
    private double expectedRevenue;
    private int targetingErrors;
    private int error5xx;
    private int error404;
    private long answered;

    public Replay(AdApi api, DataSet data, Options options) {
        this(api, Workload.classic(data, options), options.seed(), options.scoreUploadThreads());
    }

    public Replay(AdApi api, Workload workload, long seed, int uploadThreads) {
        this.api = api;
        this.workload = workload;
        this.data = workload.data();
        this.seed = seed;
        this.uploadThreads = uploadThreads;
        this.changes = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        this.scores = data.scoreTable();
        scores.forEach((client, row) -> bestScore.put(client,
                row.values().stream().mapToInt(Integer::intValue).max().orElse(0)));
        for (Map<String, Object> client : data.clients()) {
            clientIndex.put((String) client.get("client_id"), clientIndex.size());
        }
    }

    private static BigDecimal decimal(Object number) {
        return new BigDecimal(number.toString());
    }

    public Result run() throws Exception {
        load();
        Random order = new Random(seed);
        AdNovaBaseline baseline = new AdNovaBaseline(all, scores, this, seed);
        int requests = 0;
        for (int day = 0; day <= workload.lastDay(); day++) {
            expect(api.post("/time/advance", Map.of("current_date", day)), 200, "advance to day " + day);
            epoch++;
            createCampaigns(day);
            double rate = workload.visitsPerDay()[Math.min(day, workload.visitsPerDay().length - 1)];
            List<Map<String, Object>> visits = new ArrayList<>();
            for (Map<String, Object> client : data.clients()) {
                int n = (int) rate + (order.nextDouble() < rate % 1 ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    visits.add(client);
                }
            }
            Collections.shuffle(visits, order);
            for (int i = 0; i < visits.size(); i++) {
                if (i == visits.size() / 2) {
                    midDay(day);
                }
                Map<String, Object> client = visits.get(i);
                requests++;
                offline(client, day);
                visit(client, day);
                baseline.visit(client, day);
            }
            if (visits.isEmpty()) {
                midDay(day);
            }
        }
        return result(requests, baseline.outcome());
    }

    private void load() throws Exception {
        expect(api.post("/time/advance", Map.of("current_date", 0)), 200, "the replay needs a fresh engine (day 0)");
        expect(api.post("/clients/bulk", data.clients()), 201, "clients");
        expect(api.post("/advertisers/bulk", data.advertisers()), 201, "advertisers");
        upload(data.scores());
        int index = 0;
        for (Map<String, Object> entry : data.campaigns()) {
            String advertiser = (String) entry.get("advertiser_id");
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) entry.get("campaign_data");
            CampaignState campaign = new CampaignState(index, advertiser, body, workload.createdOnDay(index));
            optimum.limit(index, campaign.limit, campaign.clicksLimit);
            all.add(campaign);
            index++;
        }
        createCampaigns(0);
    }

    private void upload(List<Map<String, Object>> list) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(uploadThreads);
        try {
            List<Future<AdApi.Reply>> uploads = new ArrayList<>();
            for (Map<String, Object> score : list) {
                uploads.add(pool.submit(() -> api.post("/ml-scores", score)));
            }
            for (Future<AdApi.Reply> upload : uploads) {
                expect(upload.get(), 200, "ML score");
            }
        } finally {
            pool.shutdown();
        }
    }

    private void createCampaigns(int day) {
        for (CampaignState campaign : all) {
            if (campaign.id == null && campaign.createdOnDay <= day) {
                AdApi.Reply created = expect(
                        api.post("/advertisers/" + campaign.advertiserId + "/campaigns", campaign.body), 201,
                        "campaign");
                campaign.id = created.field("campaign_id");
                campaigns.put(campaign.id, campaign);
            }
        }
    }

    /** What changes halfway through a day: prices, ML scores. */
    private void midDay(int day) throws Exception {
        boolean prices = workload.priceChangesOn(day);
        boolean mlScores = workload.scoreChangesOn(day);
        if (prices) {
            changePrices(day);
        }
        if (mlScores) {
            changeScores();
        }
        if (prices || mlScores) {
            epoch++;
        }
    }

    private void changePrices(int day) {
        int i = 0;
        for (CampaignState campaign : campaigns.values()) {
            if (campaign.start <= day && day <= campaign.end && i++ % 3 == 0) {
                BigDecimal factor = BigDecimal.valueOf(0.6 + changes.nextInt(11) / 10.0);
                Map<String, Object> body = new HashMap<>(campaign.body);
                // What the engine stores is the double we send: keep the ledger on exactly that.
                double cpi = Math.max(0.01, Math.round(campaign.cpi.multiply(factor).doubleValue() * 100) / 100.0);
                double cpc = Math.max(0.01, Math.round(campaign.cpc.multiply(factor).doubleValue() * 100) / 100.0);
                body.put("cost_per_impression", cpi);
                body.put("cost_per_click", cpc);
                campaign.cpi = new BigDecimal(Double.toString(cpi));
                campaign.cpc = new BigDecimal(Double.toString(cpc));
                expect(api.put("/advertisers/" + campaign.advertiserId + "/campaigns/" + campaign.id, body), 200,
                        "price change");
            }
        }
    }

    private void changeScores() throws Exception {
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Map<String, Object> client : data.clients()) {
            String id = (String) client.get("client_id");
            Map<String, Integer> row = scores.get(id);
            if (row == null || changes.nextInt(10) != 0) {
                continue;
            }
            for (String advertiser : List.copyOf(row.keySet())) {
                double u = changes.nextDouble();
                int score = 1 + (int) (9_999 * u * u * u);
                row.put(advertiser, score);
                changed.add(Map.of("client_id", id, "advertiser_id", advertiser, "score", score));
            }
            bestScore.put(id, row.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
        upload(changed);
    }

    /** Records the visit's options for the offline optimum: campaigns it could be shown and what each would earn. */
    private void offline(Map<String, Object> client, int day) {
        String clientId = (String) client.get("client_id");
        int n = 0;
        int[] ks = new int[all.size()];
        double[] cpi = new double[all.size()];
        double[] p = new double[all.size()];
        double[] cpc = new double[all.size()];
        for (CampaignState c : all) {
            if (c.fits(client, day)) {
                ks[n] = c.index;
                cpi[n] = c.cpi.doubleValue();
                p[n] = pClick(clientId, c);
                cpc[n++] = c.cpc.doubleValue();
            }
        }
        optimum.visit(clientIndex.get(clientId), epoch, java.util.Arrays.copyOf(ks, n), java.util.Arrays.copyOf(cpi, n),
                java.util.Arrays.copyOf(p, n), java.util.Arrays.copyOf(cpc, n));
    }

    /** Expected revenue of a first impression of the pair now: prices in force and the hidden click truth. */
    double expected(String clientId, CampaignState campaign) {
        return campaign.cpi.doubleValue() + pClick(clientId, campaign) * campaign.cpc.doubleValue();
    }

    /** One visit: {@code GET /ads}, and the click when the hidden truth says this pair clicks. */
    private void visit(Map<String, Object> client, int day) {
        String clientId = (String) client.get("client_id");
        long start = System.nanoTime();
        AdApi.Reply reply = api.get("/ads?client_id=" + clientId);
        latencies.add((System.nanoTime() - start) / 1000);
        if (reply.status() == 404) {
            error404++;
            return;
        }
        if (reply.status() >= 500) {
            error5xx++;
            return;
        }
        expect(reply, 200, "GET /ads");
        answered++;
        CampaignState campaign = campaigns.get(reply.field("ad_id"));
        if (campaign == null || !campaign.fits(client, day)) {
            targetingErrors++;
            return;
        }
        int score = scores.getOrDefault(clientId, Map.of()).getOrDefault(campaign.advertiserId, 0);
        servedScoreSum += score;
        if (counted.add(clientId + "/" + campaign.id)) {
            campaign.impressions++;
            Totals today = ledger.computeIfAbsent(campaign.id, k -> new TreeMap<>()).computeIfAbsent(day,
                    k -> new Totals());
            today.impressions++;
            today.spentImpressions = today.spentImpressions.add(campaign.cpi);
            scoreSum += score;
            relativeScoreSum += relativeScore(clientId, campaign);
            expectedRevenue += expected(clientId, campaign);
            if (clicks(clientId, campaign)) {
                AdApi.Reply click = api.post("/ads/" + campaign.id + "/click", Map.of("client_id", clientId));
                if (click.status() >= 500) {
                    error5xx++;
                    return;
                }
                expect(click, 204, "click");
                today.clicks++;
                campaign.clicks++;
                today.spentClicks = today.spentClicks.add(campaign.cpc);
            }
        }
    }

    private double relativeScore(String clientId, CampaignState campaign) {
        int score = scores.getOrDefault(clientId, Map.of()).getOrDefault(campaign.advertiserId, 0);
        int best = bestScore.getOrDefault(clientId, 0);
        return best == 0 ? 0 : (double) score / best;
    }

    /** The hidden truth: p(click) of the pair's first impression from the ML score in force. */
    double pClick(String clientId, CampaignState campaign) {
        int score = scores.getOrDefault(clientId, Map.of()).getOrDefault(campaign.advertiserId, 0);
        return workload.truth().pClick(score, bestScore.getOrDefault(clientId, 0));
    }

    /**
     * The hidden truth of the replay: whether this client clicks this campaign on its first impression, with p from
     * {@link #pClick}; the uniform draw comes from the seed and the pair alone.
     */
    boolean clicks(String clientId, CampaignState campaign) {
        SplittableRandom pair = new SplittableRandom(seed * 31 + clientId.hashCode() * 1_000_003L + campaign.index);
        return pair.nextDouble() < pClick(clientId, campaign);
    }

    private Result result(int requests, Outcome baseline) {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        Map<String, List<String>> byAdvertiser = new LinkedHashMap<>();
        for (CampaignState campaign : campaigns.values()) {
            byAdvertiser.computeIfAbsent(campaign.advertiserId, k -> new ArrayList<>()).add(campaign.id);
            Map<Integer, Totals> days = ledger.getOrDefault(campaign.id, Map.of());
            checked += compare("/stats/campaigns/" + campaign.id, days, mismatches);
        }
        for (var entry : byAdvertiser.entrySet()) {
            Map<Integer, Totals> days = new TreeMap<>();
            for (String campaign : entry.getValue()) {
                ledger.getOrDefault(campaign, Map.of()).forEach((day, t) -> {
                    Totals sum = days.computeIfAbsent(day, k -> new Totals());
                    sum.impressions += t.impressions;
                    sum.clicks += t.clicks;
                    sum.spentImpressions = sum.spentImpressions.add(t.spentImpressions);
                    sum.spentClicks = sum.spentClicks.add(t.spentClicks);
                });
            }
            checked += compare("/stats/advertisers/" + entry.getKey() + "/campaigns", days, mismatches);
        }
        Totals all = sum(ledger.values().stream().flatMap(m -> m.values().stream()).toList());
        List<CampaignState> list = List.copyOf(this.all);
        OfflineOptimum.Solution solution = optimum.solve();
        if (System.getenv("REPLAY_DEBUG") != null) {
            for (CampaignState c : list) {
                System.out.printf(Locale.ROOT,
                        "DBG campaign %d days %d-%d limit %d shown %d (LP with clicks limits %.1f) clicksLimit %d"
                                + " clicks %d cpi %s cpc %s%n",
                        c.index, c.start, c.end, c.limit, c.impressions,
                        solution.cappedFill().getOrDefault(c.index, 0.0), c.clicksLimit, c.clicks, c.cpi, c.cpc);
            }
        }
        Outcome engine = Outcome.of(answered, error404, all.impressions, all.clicks, all.spentImpressions.doubleValue(),
                all.spentClicks.doubleValue(), all.impressions == 0 ? 0 : (double) scoreSum / all.impressions, list,
                i -> list.get(i).impressions, expectedRevenue, answered == 0 ? 0 : (double) servedScoreSum / answered);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
        return new Result(requests, engine, baseline, all.impressions == 0 ? 0 : relativeScoreSum / all.impressions,
                error5xx, error404, targetingErrors, checked, mismatches, mean, p50, p99, solution);
    }

    private static Totals sum(List<Totals> parts) {
        Totals total = new Totals();
        for (Totals t : parts) {
            total.impressions += t.impressions;
            total.clicks += t.clicks;
            total.spentImpressions = total.spentImpressions.add(t.spentImpressions);
            total.spentClicks = total.spentClicks.add(t.spentClicks);
        }
        return total;
    }

    /** Compares the engine's total and daily statistics at {@code path} with the ledger; returns checks made. */
    private int compare(String path, Map<Integer, Totals> days, List<String> mismatches) {
        compareOne(path, api.get(path).json(), sum(new ArrayList<>(days.values())), mismatches);
        List<Map<String, Object>> daily = api.get(path + "/daily").jsonList();
        List<Integer> expectedDays = new ArrayList<>(new TreeMap<>(days).keySet());
        List<Integer> actualDays = daily.stream().map(d -> ((Number) d.get("date")).intValue()).toList();
        if (!expectedDays.equals(actualDays)) {
            mismatches.add(path + "/daily: days " + actualDays + ", ledger " + expectedDays);
            return 2;
        }
        for (Map<String, Object> day : daily) {
            int date = ((Number) day.get("date")).intValue();
            compareOne(path + "/daily[" + date + "]", day, days.get(date), mismatches);
        }
        return 2 + daily.size();
    }

    private static void compareOne(String what, Map<String, Object> actual, Totals expected, List<String> mismatches) {
        double conversion = expected.impressions == 0 ? 0 : expected.clicks * 100.0 / expected.impressions;
        BigDecimal total = expected.spentImpressions.add(expected.spentClicks);
        boolean same = number(actual, "impressions_count") == expected.impressions
                && number(actual, "clicks_count") == expected.clicks && close(number(actual, "conversion"), conversion)
                && close(number(actual, "spent_impressions"), expected.spentImpressions.doubleValue())
                && close(number(actual, "spent_clicks"), expected.spentClicks.doubleValue())
                && close(number(actual, "spent_total"), total.doubleValue());
        if (!same) {
            mismatches.add(what + ": engine " + actual + ", ledger impressions=" + expected.impressions + " clicks="
                    + expected.clicks + " spent=" + expected.spentImpressions + "+" + expected.spentClicks);
        }
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    }

    private static AdApi.Reply expect(AdApi.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(
                    what + ": expected " + status + ", got " + reply.status() + " " + reply.body());
        }
        return reply;
    }
}
