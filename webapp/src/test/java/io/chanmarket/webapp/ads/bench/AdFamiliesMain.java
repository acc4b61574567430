package io.chanmarket.webapp.ads.bench;

import io.chanmarket.webapp.ads.AdApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the workload {@link Families} against a fresh engine per (family, seed, policy) over HTTP, with AdNova's rule
 * and the offline LP optimum computed on the same visits, and prints one table row per family and policy: its WORST
 * seed by revenue / optimum. Exit code 1 when any run broke a rule (5xx, targeting, a limit passed by more than 5%, a
 * statistics mismatch).
 *
 * <pre>
 * mvn -B -pl webapp -am -Pad-families process-test-classes -Dfamilies.args="--seeds 5"
 * </pre>
 *
 * Options: {@code --seeds N} (seeds 1…N, default 5; {@code --first-seed F} starts at F instead), {@code --families a,b}
 * (default: all), {@code --policies
 * bid-price[,weighted]} (a policy may carry engine settings: {@code bid-price@app.ads.bid-price.step=0.02}),
 * {@code --report FILE} (Markdown and, beside it, JSON; default {@code target/ad-families.md}), {@code --db-url JDBC}
 * (default: env TEST_DATABASE_URL, else an embedded PostgreSQL), {@code --redis URI}, {@code --price-changes false}
 * (the same workloads without their mid-day price changes: how much of a gap is the optimum knowing future prices).
 */
public final class AdFamiliesMain {

    private AdFamiliesMain() {
    }

    /** One replay's figures. */
    record Run(String family, long seed, String policy, Replay.Result result, double ratio, double visits) {

        double ofOptimum() {
            return result.ofOptimum();
        }

        double vsBaseline() {
            return result.engine().revenue() / result.baseline().revenue();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int seeds = Integer.parseInt(opts.getOrDefault("seeds", "5"));
        Map<String, Families.Spec> all = Families.all();
        List<String> names = opts.containsKey("families") ? List.of(opts.get("families").split(","))
                : List.copyOf(all.keySet());
        for (String name : names) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("unknown family " + name + "; known: " + all.keySet());
            }
        }
        List<String> policies = List.of(opts.getOrDefault("policies", "bid-price").split(","));
        String dbUrl = opts.getOrDefault("db-url", System.getenv("TEST_DATABASE_URL"));
        Path report = Path.of(opts.getOrDefault("report", "target/ad-families.md"));
        List<Run> runs = new ArrayList<>();
        for (String name : names) {
            for (long seed = Long.parseLong(opts.getOrDefault("first-seed", "1")); seed <= seeds; seed++) {
                Workload generated = all.get(name) == null ? Families.publicDataSet()
                        : Families.generate(all.get(name), seed);
                Workload workload = "false".equals(opts.get("price-changes")) ? generated.withoutPriceChanges()
                        : generated;
                double limits = workload.data().campaigns().stream().mapToDouble(
                        c -> ((Number) ((Map<?, ?>) c.get("campaign_data")).get("impressions_limit")).doubleValue())
                        .sum();
                for (String policy : policies) {
                    long started = System.nanoTime();
                    try (BenchNode node = new BenchNode(dbUrl, System.getenv("TEST_DATABASE_USER"), opts.get("redis"),
                            settings(policy))) {
                        Replay.Result r = new Replay(node.api(), workload, seed, 8).run();
                        Run run = new Run(name, seed, policy, r, limits / workload.visits(), workload.visits());
                        runs.add(run);
                        System.out.printf(Locale.ROOT,
                                "%-22s seed %d %-9s rev %9.2f (AdNova %9.2f, x%.3f) expected/LP %.3f (AdNova %.3f)"
                                        + " /LP with clicks limits %.3f (AdNova %.3f)"
                                        + " ML %.0f (AdNova %.0f) repeats %d 404 %d rules %s LP %d vars %d ms, %.0f s%n",
                                name, seed, policy, r.engine().revenue(), r.baseline().revenue(), run.vsBaseline(),
                                r.ofOptimum(), r.baselineOfOptimum(), r.ofCappedOptimum(), r.baselineOfCappedOptimum(),
                                r.engine().servedMlScore(), r.baseline().servedMlScore(), r.engine().repeats(),
                                r.error404(), AdReplayMain.meetsRules(r) ? "ok" : "BROKEN", r.optimum().variables(),
                                r.optimum().millis(), (System.nanoTime() - started) / 1e9);
                    }
                }
            }
        }
        String table = table(runs, names, policies, seeds);
        System.out.println(table);
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, table);
        Files.writeString(Path.of(report.toString().replaceFirst("\\.md$", "") + ".json"), AdApi.write(json(runs)));
        System.exit(runs.stream().allMatch(r -> AdReplayMain.meetsRules(r.result())) ? 0 : 1);
    }

    /** {@code policy[@setting=value...]}: the policy and any engine settings of this variant. */
    static Map<String, Object> settings(String variant) {
        String[] parts = variant.split("@");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("app.ads.policy", parts[0]);
        for (int i = 1; i < parts.length; i++) {
            settings.put(parts[i].substring(0, parts[i].indexOf('=')), parts[i].substring(parts[i].indexOf('=') + 1));
        }
        return settings;
    }

    static String table(List<Run> runs, List<String> names, List<String> policies, int seeds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "Ad engine workload families, %s, %d seeds each; every row is the family's WORST seed by revenue /"
                        + " optimum%n%n",
                LocalDate.now(ZoneOffset.UTC), seeds));
        out.append("| family | policy | worst seed | demand/supply | revenue | expected / LP optimum"
                + " (AdNova) | expected / LP with clicks limits (AdNova) | revenue / AdNova | mean ML score (AdNova) | unique impressions (AdNova) | repeats"
                + " | 404 | fill error (AdNova) | over 105% | stats checks / mismatches | 5xx / targeting |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        double engineTotal = 0;
        double baselineTotal = 0;
        for (String policy : policies) {
            for (String name : names) {
                List<Run> family = runs.stream().filter(r -> r.family().equals(name) && r.policy().equals(policy))
                        .toList();
                if (family.isEmpty()) {
                    continue;
                }
                Run worst = family.stream().min(Comparator.comparingDouble(Run::ofOptimum)).orElseThrow();
                Run worstVsBaseline = family.stream().min(Comparator.comparingDouble(Run::vsBaseline)).orElseThrow();
                Replay.Result r = worst.result();
                out.append(String.format(Locale.ROOT,
                        "| %s | %s | %d | %.2f | %.2f | **%.3f** (%.3f) | %.3f (%.3f) | %.3f (worst %.3f) | %.0f (%.0f) | %d (%d) | %d"
                                + " | %d | %.3f (%.3f) | %d | %d / %d | %d / %d |\n",
                        name, policy, worst.seed(), worst.ratio(), r.engine().revenue(), r.ofOptimum(),
                        r.baselineOfOptimum(), r.ofCappedOptimum(), r.baselineOfCappedOptimum(), worst.vsBaseline(),
                        worstVsBaseline.vsBaseline(), r.engine().servedMlScore(), r.baseline().servedMlScore(),
                        r.engine().impressions(), r.baseline().impressions(), r.engine().repeats(), r.error404(),
                        r.engine().impressionsMeanRelativeError(), r.baseline().impressionsMeanRelativeError(),
                        r.engine().exceedImpressionsLimit(), r.statsChecked(), r.statsMismatches().size(), r.error5xx(),
                        r.targetingErrors()));
            }
            double e = runs.stream().filter(r -> r.policy().equals(policy))
                    .mapToDouble(r -> r.result().engine().revenue()).sum();
            double b = runs.stream().filter(r -> r.policy().equals(policy))
                    .mapToDouble(r -> r.result().baseline().revenue()).sum();
            engineTotal = e;
            baselineTotal = b;
            out.append(String.format(Locale.ROOT,
                    "%n%s over all families and seeds: revenue %.2f, AdNova %.2f: x%.3f; worst expected / optimum %.3f"
                            + " (with clicks limits %.3f); rules kept in %d of %d runs%n%n",
                    policy, e, b, e / b,
                    runs.stream().filter(r -> r.policy().equals(policy)).mapToDouble(Run::ofOptimum).min().orElse(0),
                    runs.stream().filter(r -> r.policy().equals(policy)).mapToDouble(r -> r.result().ofCappedOptimum())
                            .min().orElse(0),
                    runs.stream().filter(r -> r.policy().equals(policy) && AdReplayMain.meetsRules(r.result())).count(),
                    runs.stream().filter(r -> r.policy().equals(policy)).count()));
        }
        if (engineTotal == 0 && baselineTotal == 0) {
            out.append("no runs\n");
        }
        return out.toString();
    }

    static List<Map<String, Object>> json(List<Run> runs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Run run : runs) {
            Replay.Result r = run.result();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", run.family());
            m.put("seed", run.seed());
            m.put("policy", run.policy());
            m.put("visits", run.visits());
            m.put("demand_supply", run.ratio());
            m.put("revenue", r.engine().revenue());
            m.put("expected_revenue", r.engine().expectedRevenue());
            m.put("lp_optimum", r.optimum().optimum());
            m.put("lp_variables", r.optimum().variables());
            m.put("lp_millis", r.optimum().millis());
            m.put("of_optimum", r.ofOptimum());
            m.put("lp_optimum_clicks_limited", r.optimum().clickCapped());
            m.put("of_clicks_limited_optimum", r.ofCappedOptimum());
            m.put("adnova_revenue", r.baseline().revenue());
            m.put("adnova_expected_revenue", r.baseline().expectedRevenue());
            m.put("adnova_of_optimum", r.baselineOfOptimum());
            m.put("adnova_of_clicks_limited_optimum", r.baselineOfCappedOptimum());
            m.put("revenue_vs_adnova", run.vsBaseline());
            m.put("mean_ml_score_served", r.engine().servedMlScore());
            m.put("adnova_mean_ml_score", r.baseline().servedMlScore());
            m.put("unique_impressions", r.engine().impressions());
            m.put("adnova_unique_impressions", r.baseline().impressions());
            m.put("repeats", r.engine().repeats());
            m.put("no_ad", r.error404());
            m.put("fill_error", r.engine().impressionsMeanRelativeError());
            m.put("adnova_fill_error", r.baseline().impressionsMeanRelativeError());
            m.put("over_105", r.engine().exceedImpressionsLimit());
            m.put("over_100", r.engine().overLimit());
            m.put("stats_checked", r.statsChecked());
            m.put("stats_mismatches", r.statsMismatches().size());
            m.put("error_5xx", r.error5xx());
            m.put("targeting_errors", r.targetingErrors());
            out.add(m);
        }
        return out;
    }
}
