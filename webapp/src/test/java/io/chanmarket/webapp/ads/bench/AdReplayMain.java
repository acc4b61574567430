package io.chanmarket.webapp.ads.bench;

import io.chanmarket.webapp.ads.AdApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a workload against a fresh engine per serving policy over HTTP, computes AdNova's baseline offline on the
 * same visits, checks every statistics endpoint against the replay's ledger, prints a comparison table and writes a
 * JSON report. Exit code 1 on any 5xx, targeting or date mistake, impressions over 105% of a limit or statistics
 * mismatch.
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl webapp exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.chanmarket.webapp.ads.bench.AdReplayMain \
 *     -Dexec.args="--visits 0.5 --seed 42 --report target/replay.json"
 * </pre>
 *
 * Options: {@code --data DIR} (default: the public data set in the test resources), or
 * {@code --generate clients=5000,advertisers=100,campaigns=500,scores=20,days=20} (a seeded larger workload, see
 * {@link DataSet#generate}); {@code --visits N} (mean visits per client and day), {@code --seed N},
 * {@code --policies bid-price[,weighted,random]}, {@code --report FILE}, {@code --db-url JDBC} (default: env
 * TEST_DATABASE_URL, else an embedded PostgreSQL), {@code --redis URI} (default: none, in-process).
 */
public final class AdReplayMain {

    private AdReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        double visits = Double.parseDouble(opts.getOrDefault("visits", "0.5"));
        String workload = opts.containsKey("generate") ? "generated " + opts.get("generate")
                : opts.containsKey("data") ? opts.get("data") : "public data set (prod-open-test)";
        DataSet data = opts.containsKey("generate")
                ? DataSet.generate(DataSet.Spec.parse(opts.get("generate"), visits, seed))
                : opts.containsKey("data") ? DataSet.fromDirectory(Path.of(opts.get("data"))) : DataSet.fromResources();
        Replay.Options defaults = Replay.Options.defaults();
        Replay.Options options = new Replay.Options(seed, visits, defaults.priceChangeDay(),
                defaults.scoreUploadThreads());
        String dbUrl = opts.getOrDefault("db-url", System.getenv("TEST_DATABASE_URL"));
        String redis = opts.get("redis");
        List<String> policies = List.of(opts.getOrDefault("policies", "bid-price").split(","));

        Map<String, Replay.Result> results = new LinkedHashMap<>();
        for (String policy : policies) {
            long started = System.nanoTime();
            try (BenchNode node = new BenchNode(dbUrl, System.getenv("TEST_DATABASE_USER"), redis,
                    Map.of("app.ads.policy", policy))) {
                results.put(policy, new Replay(node.api(), data, options).run());
            }
            System.out.printf(Locale.ROOT, "policy %s replayed in %.0f s%n", policy,
                    (System.nanoTime() - started) / 1e9);
        }
        System.out.println(table(workload, options, data, results));
        String json = AdApi.write(json(workload, options, data, results));
        System.out.println(json);
        if (opts.containsKey("report")) {
            Path report = Path.of(opts.get("report"));
            if (report.getParent() != null) {
                Files.createDirectories(report.getParent());
            }
            Files.writeString(report, json);
        }
        results.forEach((policy, r) -> r.statsMismatches().stream().limit(20)
                .forEach(m -> System.out.println("MISMATCH " + policy + ": " + m)));
        System.exit(results.values().stream().allMatch(AdReplayMain::meetsRules) ? 0 : 1);
    }

    /** The rules every run must keep, whatever the policy: no 5xx, no mistakes, no overshoot, exact statistics. */
    static boolean meetsRules(Replay.Result r) {
        return r.error5xx() == 0 && r.targetingErrors() == 0 && r.engine().exceedImpressionsLimit() == 0
                && r.statsMismatches().isEmpty();
    }

    /** The report: per policy, the fields the issue names, the baseline's on the same visits, and the comparison. */
    static Map<String, Object> json(String workload, Replay.Options options, DataSet data,
            Map<String, Replay.Result> results) {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("source", workload);
        size.put("clients", data.clients().size());
        size.put("advertisers", data.advertisers().size());
        size.put("campaigns", data.campaigns().size());
        size.put("ml_scores", data.scores().size());
        size.put("visits_per_client_and_day", options.visits());
        size.put("seed", options.seed());
        report.put("workload", size);
        Map<String, Object> runs = new LinkedHashMap<>();
        results.forEach((policy, r) -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("requests", r.requests());
            run.put("error_5xx_count", r.error5xx());
            run.put("error_404_count", r.error404());
            run.put("total_unique_impressions", r.engine().impressions());
            run.put("total_unique_clicks", r.engine().clicks());
            run.put("average_ml_score", r.engine().averageMlScore());
            run.put("revenue", r.engine().revenue());
            run.put("revenue_impressions", r.engine().revenueImpressions());
            run.put("revenue_clicks", r.engine().revenueClicks());
            run.put("exceed_impressions_limit_count", r.engine().exceedImpressionsLimit());
            run.put("over_impressions_limit_count", r.engine().overLimit());
            run.put("not_matching_targeting_count", r.targetingErrors());
            run.put("average_response_time", r.averageResponseMillis());
            run.put("response_time_p50_ms", r.p50Micros() / 1000.0);
            run.put("response_time_p99_ms", r.p99Micros() / 1000.0);
            run.put("impressions_count_mean_relative_error", r.engine().impressionsMeanRelativeError());
            run.put("limit_fulfilment", r.engine().fulfilment());
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("checked", r.statsChecked());
            stats.put("mismatches", r.statsMismatches().size());
            stats.put("ok", r.statsMismatches().isEmpty());
            run.put("stats_check", stats);
            Replay.Outcome b = r.baseline();
            Map<String, Object> baseline = new LinkedHashMap<>();
            baseline.put("rule", "AdNova: 0.8 profit + 0.4 ml + 0.05 capacity, 10% overshoot with p = 0.25");
            baseline.put("error_404_count", b.noAd());
            baseline.put("total_unique_impressions", b.impressions());
            baseline.put("total_unique_clicks", b.clicks());
            baseline.put("average_ml_score", b.averageMlScore());
            baseline.put("revenue", b.revenue());
            baseline.put("exceed_impressions_limit_count", b.exceedImpressionsLimit());
            baseline.put("over_impressions_limit_count", b.overLimit());
            baseline.put("impressions_count_mean_relative_error", b.impressionsMeanRelativeError());
            baseline.put("limit_fulfilment", b.fulfilment());
            run.put("baseline", baseline);
            run.put("revenue_vs_baseline", b.revenue() == 0 ? null : r.engine().revenue() / b.revenue());
            run.put("average_ml_score_vs_baseline",
                    b.averageMlScore() == 0 ? null : r.engine().averageMlScore() / b.averageMlScore());
            run.put("targets_met", meetsRules(r) && r.engine().revenue() > b.revenue()
                    && r.engine().averageMlScore() > b.averageMlScore());
            runs.put(policy, run);
        });
        report.put("policies", runs);
        return report;
    }

    static String table(String workload, Replay.Options options, DataSet data, Map<String, Replay.Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "Replay of %s: %d clients, %d advertisers, %d campaigns, %d ML scores; %.2f visits per client and day;"
                        + " seed %d%n%n",
                workload, data.clients().size(), data.advertisers().size(), data.campaigns().size(),
                data.scores().size(), options.visits(), options.seed()));
        List<String> names = new ArrayList<>();
        List<Replay.Outcome> outcomes = new ArrayList<>();
        results.forEach((policy, r) -> {
            names.add(policy);
            outcomes.add(r.engine());
        });
        Replay.Result first = results.values().iterator().next();
        names.add("AdNova baseline (offline)");
        outcomes.add(first.baseline());
        out.append("| metric |");
        names.forEach(n -> out.append(' ').append(n).append(" |"));
        out.append("\n|---|");
        names.forEach(n -> out.append("---|"));
        out.append('\n');
        row(out, "ads answered / no ad (404)", outcomes, o -> o.answered() + " / " + o.noAd());
        row(out, "unique impressions", outcomes, o -> Long.toString(o.impressions()));
        row(out, "unique clicks", outcomes, o -> Long.toString(o.clicks()));
        row(out, "revenue, impressions + clicks", outcomes,
                o -> fmt(o.revenueImpressions()) + " + " + fmt(o.revenueClicks()));
        row(out, "**revenue**", outcomes, o -> "**" + fmt(o.revenue()) + "**");
        row(out, "**average ML score**", outcomes, o -> "**" + fmt(o.averageMlScore()) + "**");
        row(out, "limit fulfilment (mean of min(1, shown/limit))", outcomes, o -> fmt(o.fulfilment()));
        row(out, "impressions count mean relative error", outcomes, o -> fmt(o.impressionsMeanRelativeError()));
        row(out, "campaigns over 100% / over 105% of the limit", outcomes,
                o -> o.overLimit() + " / " + o.exceedImpressionsLimit());
        out.append('\n');
        results.forEach((policy, r) -> out.append(String.format(Locale.ROOT,
                "%s: %d requests, 5xx %d, 404 %d, targeting mistakes %d, statistics checked %d / mismatches %d,"
                        + " GET /ads mean %.2f ms, p50 %.2f ms, p99 %.2f ms (sequential)%n",
                policy, r.requests(), r.error5xx(), r.error404(), r.targetingErrors(), r.statsChecked(),
                r.statsMismatches().size(), r.averageResponseMillis(), r.p50Micros() / 1000.0,
                r.p99Micros() / 1000.0)));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, List<Replay.Outcome> outcomes,
            java.util.function.Function<Replay.Outcome, String> value) {
        out.append("| ").append(name).append(" |");
        outcomes.forEach(o -> out.append(' ').append(value.apply(o)).append(" |"));
        out.append('\n');
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
