package io.chanmarket.webapp.ads.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays the data set against each serving policy on a fresh engine and prints a comparison, checking every statistics
 * endpoint against the replay's ledger (exit code 1 on any mismatch, targeting error or passed limit).
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl webapp exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.chanmarket.webapp.ads.bench.AdReplayMain \
 *     -Dexec.args="--visits 0.5 --seed 42 --policies weighted,baseline"
 * </pre>
 *
 * Options: {@code --data DIR} (default: the data set in the test resources), {@code --visits N} (mean visits per client
 * and day), {@code --seed N}, {@code --policies a,b}, {@code --db-url JDBC} (default: env TEST_DATABASE_URL, else an
 * embedded PostgreSQL), {@code --redis URI} (default: none, in-process).
 */
public final class AdReplayMain {

    private AdReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        DataSet data = opts.containsKey("data") ? DataSet.fromDirectory(Path.of(opts.get("data")))
                : DataSet.fromResources();
        Replay.Options defaults = Replay.Options.defaults();
        Replay.Options options = new Replay.Options(Long.parseLong(opts.getOrDefault("seed", "42")),
                Double.parseDouble(opts.getOrDefault("visits", "0.5")), defaults.priceChangeDay(),
                defaults.scoreUploadThreads());
        String dbUrl = opts.getOrDefault("db-url", System.getenv("TEST_DATABASE_URL"));
        String redis = opts.get("redis");
        List<String> policies = List.of(opts.getOrDefault("policies", "weighted,baseline").split(","));

        Map<String, Replay.Result> results = new LinkedHashMap<>();
        for (String policy : policies) {
            try (BenchNode node = new BenchNode(dbUrl, System.getenv("TEST_DATABASE_USER"), redis,
                    Map.of("app.ads.policy", policy))) {
                results.put(policy, new Replay(node.api(), data, options).run());
            }
        }
        System.out.println(report(options, data, results));
        boolean ok = results.values().stream()
                .allMatch(r -> r.statsMismatches().isEmpty() && r.targetingErrors() == 0 && r.overLimit() == 0);
        results.forEach((policy, r) -> r.statsMismatches().stream().limit(20)
                .forEach(m -> System.out.println("MISMATCH " + policy + ": " + m)));
        System.exit(ok ? 0 : 1);
    }

    static String report(Replay.Options options, DataSet data, Map<String, Replay.Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "Replay: %d clients, %d campaigns, %d ML scores; %.2f visits per client and day; seed %d%n%n",
                data.clients().size(), data.campaigns().size(), data.scores().size(), options.visits(),
                options.seed()));
        List<String> names = new ArrayList<>(results.keySet());
        out.append("| metric |");
        names.forEach(n -> out.append(' ').append(n).append(" |"));
        out.append("\n|---|");
        names.forEach(n -> out.append("---|"));
        out.append('\n');
        row(out, "requests (GET /ads)", results, r -> Integer.toString(r.requests()));
        row(out, "ads shown", results, r -> Integer.toString(r.served()));
        row(out, "unique impressions", results, r -> Long.toString(r.impressions()));
        row(out, "clicks", results, r -> Long.toString(r.clicks()));
        row(out, "revenue, impressions", results, r -> fmt(r.spentImpressions()));
        row(out, "revenue, clicks", results, r -> fmt(r.spentClicks()));
        row(out, "**revenue, total**", results, r -> "**" + fmt(r.revenue()) + "**");
        row(out, "mean ML score per impression", results, r -> fmt(r.avgScore()));
        row(out, "mean score / client's best", results, r -> fmt(r.avgRelativeScore()));
        row(out, "limit fulfilment (mean of min(1, shown/limit))", results, r -> fmt(r.fulfilment()));
        row(out, "campaigns over their limit", results, r -> Integer.toString(r.overLimit()));
        row(out, "targeting errors", results, r -> Integer.toString(r.targetingErrors()));
        row(out, "stats checks / mismatches", results, r -> r.statsChecked() + " / " + r.statsMismatches().size());
        row(out, "GET /ads p50 / p99 (ms, sequential)", results,
                r -> fmt(r.p50Micros() / 1000.0) + " / " + fmt(r.p99Micros() / 1000.0));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Map<String, Replay.Result> results,
            java.util.function.Function<Replay.Result, String> value) {
        out.append("| ").append(name).append(" |");
        results.values().forEach(r -> out.append(' ').append(value.apply(r)).append(" |"));
        out.append('\n');
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
