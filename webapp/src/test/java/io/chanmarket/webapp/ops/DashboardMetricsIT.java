package io.chanmarket.webapp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.events.EventLog;
import io.chanmarket.webapp.Application;
import io.chanmarket.webapp.ads.AdApi;
import io.chanmarket.webapp.ads.AdEngineFixture;
import io.micronaut.core.type.Argument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every Prometheus query of the provisioned Grafana dashboards and alert rules reads metrics that a running app
 * exports: the metric names in each {@code expr} are looked up in {@code /prometheus} (after a few requests, so the
 * HTTP timers exist). The request id comes back on every response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardMetricsIT {

    private static final Path DASHBOARDS = Path.of("..", "deploy", "grafana", "dashboards");
    private static final Path ALERTS = Path.of("..", "deploy", "grafana", "provisioning", "alerting", "alerts.yml");
    private static final Set<String> PROMQL = Set.of("sum", "avg", "max", "min", "count", "rate", "irate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "count_over_time", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "e");

    private Application.Running app;
    private AdApi api;

    @BeforeAll
    void start() {
        app = AdEngineFixture.startNode(Map.of());
        api = AdEngineFixture.apiOf(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** The metric names of a PromQL expression: labels, ranges, strings, numbers and functions taken out. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"])*\"", "\"\"").replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ").replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (m.find()) {
            if (!PROMQL.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void exprs(Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            Object datasource = map.get("datasource");
            boolean loki = datasource instanceof Map<?, ?> ds && "loki".equals(ds.get("type"));
            if (!loki && map.get("targets") instanceof List<?> targets) {
                for (Object target : targets) {
                    Object expr = ((Map<String, Object>) target).get("expr");
                    if (expr != null) {
                        out.add(expr.toString());
                    }
                }
            }
            map.values().forEach(v -> exprs(v, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> exprs(v, out));
        }
    }

    /** Every {@code expr} of the provisioned alert rules. */
    private static void alertExprs(Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("expr") instanceof String expr) {
                out.add(expr);
            }
            map.values().forEach(v -> alertExprs(v, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> alertExprs(v, out));
        }
    }

    @Test
    void everyDashboardQueryReadsAnExportedMetric() throws Exception {
        // a few requests: a 404 of the ad API, a refused Mini App sign-in, a Mini App page
        assertThat(api.get("/ads?client_id=" + UUID.randomUUID()).status()).isEqualTo(404);
        api.get("/app/start");
        api.get("/app");
        app.context().getBean(EventLog.class);
        // the GC pause timer appears with the first collection this context's binder is told of
        String exported = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    System.gc();
                    return api.get("/prometheus").body();
                }, body -> body.contains("jvm_gc_pause_seconds_sum"));
        Set<String> series = new HashSet<>();
        for (String line : exported.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                series.add(line.split("[{ ]")[0]);
            }
        }
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                exprs(AdApi.read(Files.readString(file), Argument.of(Object.class)), queries);
            }
        }
        int panels = queries.size();
        alertExprs(new org.yaml.snakeyaml.Yaml().load(Files.readString(ALERTS)), queries);
        assertThat(panels).isGreaterThan(15);
        assertThat(queries.size() - panels).as("alert rules").isGreaterThanOrEqualTo(6);
        List<String> missing = new ArrayList<>();
        for (String query : queries) {
            for (String name : metricNames(query)) {
                if (!series.contains(name)) {
                    missing.add(name + " in " + query);
                }
            }
        }
        assertThat(missing).as("dashboard metrics not exported").isEmpty();
        assertThat(series).contains("chanmarket_ads_requests_total", "chanmarket_miniapp_events_total",
                "chanmarket_parser_fetches_total", "chanmarket_mailing_sends_total", "chanmarket_dependency_up",
                "http_server_requests_seconds_bucket");
    }

    @Test
    void theDependencyProbeSaysTheDatabaseAndRedisAnswer() {
        app.context().getBean(DependencyProbe.class).probe();
        String exported = api.get("/prometheus").body();
        assertThat(exported).containsPattern("chanmarket_dependency_up\\{dependency=\"database\",?} 1\\.0");
        if (io.chanmarket.testing.TestInfrastructure.redisUri().isPresent()) {
            assertThat(exported).containsPattern("chanmarket_dependency_up\\{dependency=\"redis\",?} 1\\.0");
        }
    }

    @Test
    void metricNamesAreFoundInExpressions() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket"
                + "{uri=\"/ads\"}[5m])))")).containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("sum(jvm_memory_used_bytes{area=\"heap\"}) / sum(jvm_memory_max_bytes)"))
                .containsExactlyInAnyOrder("jvm_memory_used_bytes", "jvm_memory_max_bytes");
    }

    @Test
    void everyResponseCarriesARequestIdTheCallersWhenItIsAPlainToken() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> given = http.send(
                java.net.http.HttpRequest.newBuilder(api.base().resolve("/ads?client_id=" + UUID.randomUUID()))
                        .header("X-Request-Id", "lb-7f3a.42").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(given.statusCode()).isEqualTo(404);
        assertThat(given.headers().firstValue("X-Request-Id")).contains("lb-7f3a.42");
        java.net.http.HttpResponse<String> made = http.send(java.net.http.HttpRequest
                .newBuilder(api.base().resolve("/health")).header("X-Request-Id", "<script>").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(made.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
    }
}
