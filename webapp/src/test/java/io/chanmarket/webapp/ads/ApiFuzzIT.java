package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.ads.bench.BenchNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * A fuzz test of the public API in the build (issue 14): every path and method comes from the application's own OpenAPI
 * document; each gets malformed requests (values of the wrong JSON type in otherwise valid bodies, duplicated keys,
 * null elements, NUL and unpaired surrogates, 1 MB strings, huge numbers, bad UUIDs, non-JSON, wrong content types, bad
 * path and query values). Asserts: no 5xx, no coercion accepted (a wrong-typed value never gets a 2xx), and the seeded
 * data unchanged afterwards. Deterministic (fixed seed), at least 5,000 requests, bounded in time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIT {

    private static final Logger LOG = LoggerFactory.getLogger(ApiFuzzIT.class);
    static final int MIN_REQUESTS = 5_000;
    static final Duration TIME_BUDGET = Duration.ofSeconds(75);
    private static final String MEGABYTE = "x".repeat(1 << 20);

    /** What a request is meant to show. */
    enum Kind {
        /** A wrong JSON type or shape in an otherwise valid body: must not get a 2xx. */
        COERCION,
        /** Anything else malformed: must not get a 5xx. */
        MALFORMED
    }

    record Operation(String method, String template, boolean body) {
    }

    record Probe(Operation op, String path, String contentType, String body, Kind kind, String what) {
    }

    /**
     * A database of its own: probes that are valid after all (null for an optional field) create untargeted campaigns,
     * which must not reach the other tests' clients.
     */
    private BenchNode app;
    private AdApi api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(14);

    private String advertiser;
    private String campaign;
    /**
     * The campaign that PUT and DELETE probes address: a probe that is in fact valid (null for an optional field, a
     * JSON charset parameter) may change or delete it; the seeded {@link #campaign} must come through unchanged.
     */
    private String target;
    private String client;
    private Map<String, Object> campaignBody;
    private int today;

    @BeforeAll
    void start() throws Exception {
        app = new BenchNode(System.getenv("TEST_DATABASE_URL"), System.getenv("TEST_DATABASE_USER"),
                TestInfrastructure.redisUri().orElse(null), Map.of());
        api = app.api().asOperator();
        AdEngineFixture given = new AdEngineFixture(api);
        today = today();
        advertiser = given.advertiser();
        client = given.client(33, "FEMALE");
        campaignBody = new LinkedHashMap<>();
        campaignBody.put("impressions_limit", 100);
        campaignBody.put("clicks_limit", 10);
        campaignBody.put("cost_per_impression", 1.5);
        campaignBody.put("cost_per_click", 4.0);
        campaignBody.put("ad_title", "Seeded title");
        campaignBody.put("ad_text", "Seeded text");
        campaignBody.put("start_date", today);
        campaignBody.put("end_date", today + 10);
        campaignBody.put("targeting",
                new LinkedHashMap<>(Map.of("gender", "FEMALE", "age_from", 20, "age_to", 40, "location", given.town)));
        AdApi.Reply created = api.post("/advertisers/" + advertiser + "/campaigns", campaignBody);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        campaign = created.field("campaign_id");
        AdApi.Reply second = api.post("/advertisers/" + advertiser + "/campaigns", campaignBody);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        target = second.field("campaign_id");
        assertThat(
                api.post("/ml-scores", Map.of("client_id", client, "advertiser_id", advertiser, "score", 7)).status())
                        .isEqualTo(200);
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    /** The engine's current day, in this node's own database. */
    private int today() {
        return AdEngineFixture.today(app.jdbcUrl(), app.user(), "");
    }

    private Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/advertisers/" + advertiser,
                "/advertisers/" + advertiser + "/campaigns/" + campaign, "/clients/" + client,
                "/stats/campaigns/" + campaign, "/stats/advertisers/" + advertiser + "/campaigns")) {
            AdApi.Reply reply = api.get(path);
            state.put(path, reply.status() + " " + reply.body());
        }
        // the list grows when a probe is a valid creation; the seeded campaign's entry must stay as it was
        for (String path : List.of("/advertisers/" + advertiser + "/campaigns")) {
            AdApi.Reply reply = api.get(path);
            List<Map<String, Object>> entries = AdApi.read(reply.body(), io.micronaut.core.type.Argument
                    .listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            state.put(path, reply.status() + " "
                    + entries.stream().filter(entry -> campaign.equals(entry.get("campaign_id"))).toList());
        }
        state.put("today", Integer.toString(today()));
        return state;
    }

    @SuppressWarnings("unchecked")
    private List<Operation> operations() {
        AdApi.Reply document = api.get("/swagger/chanmarket-0.1.yml");
        assertThat(document.status()).isEqualTo(200);
        Map<String, Object> openApi = new Yaml().load(document.body());
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) openApi.get("paths")).forEach((template, methods) -> methods
                .forEach((method, spec) -> operations.add(new Operation(method.toUpperCase(), template,
                        spec instanceof Map<?, ?> map && map.containsKey("requestBody")))));
        return operations;
    }

    /** A valid body for the operation, with the seeded ids, that changes nothing when accepted; null when unknown. */
    private Object validBody(Operation op) {
        String t = op.template();
        return switch (op.method() + " " + t) {
        case "POST /clients/bulk" -> List.of(new LinkedHashMap<>(Map.of("client_id", UUID.randomUUID().toString(),
                "login", "fuzz", "age", 30, "location", "Fuzz town", "gender", "MALE")));
        case "POST /advertisers/bulk" -> List
                .of(new LinkedHashMap<>(Map.of("advertiser_id", UUID.randomUUID().toString(), "name", "Fuzz")));
        case "POST /ml-scores" -> new LinkedHashMap<>(
                Map.of("client_id", client, "advertiser_id", advertiser, "score", 7));
        case "POST /advertisers/{advertiserId}/campaigns", "PUT /advertisers/{advertiserId}/campaigns/{campaignId}" -> new LinkedHashMap<>(
                campaignBody);
        case "POST /time/advance" -> new LinkedHashMap<>(Map.of("current_date", today));
        case "POST /ads/{adId}/click" -> new LinkedHashMap<>(Map.of("client_id", client));
        case "POST /report" -> new LinkedHashMap<>(Map.of("campaign_id", campaign, "reason", "fuzz"));
        case "PUT /moderation/settings" -> new LinkedHashMap<>(Map.of("enabled", false));
        case "POST /moderation/blacklist" -> new LinkedHashMap<>(Map.of("phrase", "fuzzphrase"));
        case "POST /advertisers/{advertiserId}/ad-texts" -> new LinkedHashMap<>(Map.of("campaign_title", "x"));
        default -> null;
        };
    }

    private String pathValue(String name, boolean valid) {
        return pathValue(name, valid, "GET");
    }

    private String pathValue(String name, boolean valid, String method) {
        if (valid) {
            return switch (name) {
            case "advertiserId" -> advertiser;
            case "campaignId" -> method.equals("GET") ? campaign : target;
            case "clientId" -> client;
            default -> UUID.randomUUID().toString();
            };
        }
        String[] bad = { "not-a-uuid", "%00", "%F0%9F", "-1", "99999999999999999999999", "%ED%A0%80",
                UUID.randomUUID().toString().toUpperCase() + "0", "..%2F..%2Fetc%2Fpasswd", "x".repeat(2000), "1.5",
                "%27%20OR%201%3D1--", "%3Cscript%3E" };
        return bad[random.nextInt(bad.length)];
    }

    private String path(Operation op, boolean validIds) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(pathValue(m.group(1), validIds, op.method())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Values of the wrong JSON type (or shape) for a field whose valid value is {@code valid}. */
    private static List<String> wrongTypes(Object valid) {
        if (valid instanceof Integer || valid instanceof Long) {
            return List.of("1.5", "30.0", "\"5\"", "[5]", "true", "\"٣٠\"", "{}", "1e400", "99999999999999999999",
                    "\"\"");
        }
        if (valid instanceof Double) {
            return List.of("\"1.5\"", "true", "[1.5]", "{}", "1e400", "\"NaN\"");
        }
        if (valid instanceof Boolean) {
            return List.of("\"true\"", "1", "0", "[true]", "{}", "\"yes\"");
        }
        if (valid instanceof String) {
            return List.of("123", "1.5", "true", "[\"x\"]", "{}", "\"a\\u0000b\"", "\"\\ud800x\"", "\"x\\udc00\"");
        }
        if (valid instanceof Map<?, ?>) {
            return List.of("\"x\"", "5", "[]", "true");
        }
        return List.of();
    }

    private static String json(Object value) {
        return AdApi.write(value);
    }

    /** The body with one field (of the first object, inside an array for bulk bodies) set to raw JSON. */
    @SuppressWarnings("unchecked")
    private static String withField(Object body, List<String> fieldPath, String rawValue) {
        String marker = "\"__FUZZ__\"";
        Object copy = AdApi.read(json(body), io.micronaut.core.type.Argument.of(Object.class));
        Map<String, Object> target = (Map<String, Object>) (copy instanceof List<?> list ? list.get(0) : copy);
        for (int i = 0; i < fieldPath.size() - 1; i++) {
            target = (Map<String, Object>) target.get(fieldPath.get(i));
        }
        target.put(fieldPath.get(fieldPath.size() - 1), "__FUZZ__");
        return json(copy).replace(marker, rawValue);
    }

    @SuppressWarnings("unchecked")
    private void fieldProbes(Operation op, String path, Object body, List<Probe> out) {
        Map<String, Object> first = (Map<String, Object>) (body instanceof List<?> list ? list.get(0) : body);
        List<List<String>> fields = new ArrayList<>();
        first.forEach((key, value) -> {
            fields.add(List.of(key));
            if (value instanceof Map<?, ?> nested) {
                nested.keySet().forEach(inner -> fields.add(List.of(key, (String) inner)));
            }
        });
        for (List<String> field : fields) {
            Object valid = first;
            for (String key : field) {
                valid = ((Map<String, Object>) valid).get(key);
            }
            for (String wrong : wrongTypes(valid)) {
                out.add(new Probe(op, path, "application/json", withField(body, field, wrong), Kind.COERCION,
                        String.join(".", field) + "=" + wrong));
            }
            if (valid instanceof String && !op.template().startsWith("/moderation")) {
                out.add(new Probe(op, path, "application/json", withField(body, field, "\"" + MEGABYTE + "\""),
                        Kind.MALFORMED, String.join(".", field) + "=1MB"));
            }
            out.add(new Probe(op, path, "application/json", withField(body, field, "null"), Kind.MALFORMED,
                    String.join(".", field) + "=null"));
            // the field twice: the first valid, the second valid too; taking either is a coercion of the input
            String twice = withField(body, field, json(valid)).replaceFirst(
                    Pattern.quote("\"" + field.get(field.size() - 1) + "\":"),
                    Matcher.quoteReplacement("\"" + field.get(field.size() - 1) + "\":" + json(valid) + ",\""
                            + field.get(field.size() - 1) + "\":"));
            out.add(new Probe(op, path, "application/json", twice, Kind.COERCION, field + " duplicated"));
        }
        if (body instanceof List<?>) {
            out.add(new Probe(op, path, "application/json", json(body).replaceFirst("]$", ",null]"), Kind.COERCION,
                    "null element"));
            out.add(new Probe(op, path, "application/json", "[" + json(body) + "]", Kind.COERCION, "nested array"));
        } else {
            out.add(new Probe(op, path, "application/json", "[" + json(body) + "]", Kind.COERCION, "object in array"));
        }
    }

    private static final String[] GARBAGE = { "", "{", "}", "[", "null", "[]", "{}", "\"x\"", "42", "true",
            "{\"a\":1}{", "\u0000", "{\"x\":\"\\u0000\"}", "<xml/>", "{\"a\":" + "[".repeat(2000) + "}", "1e999999",
            "[" + "1,".repeat(1000) + "1]", "\uFEFF{}", "{'a':1}", "{\"a\":01}", "{\"a\":NaN}" };
    private static final String[] CONTENT_TYPES = { "text/plain", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/json; charset=latin1", "image/png", "" };

    private List<Probe> probes(List<Operation> operations) {
        List<Probe> probes = new ArrayList<>();
        for (Operation op : operations) {
            for (int i = 0; i < 6; i++) {
                String path = path(op, false);
                probes.add(new Probe(op, path, op.body() ? "application/json" : null, op.body() ? "{}" : null,
                        Kind.MALFORMED, "bad path value"));
                String query = "?client_id=" + pathValue("clientId", false) + "&page=" + pathValue("x", false)
                        + "&size=-5&state=" + URLEncoder.encode("\u0000", StandardCharsets.UTF_8) + "&llm_flag=2";
                probes.add(new Probe(op, path(op, true) + query, null, null, Kind.MALFORMED, "bad query"));
            }
            if (op.method().equals("GET") || op.method().equals("DELETE")) {
                continue;
            }
            String validPath = path(op, true);
            for (String garbage : GARBAGE) {
                probes.add(new Probe(op, validPath, "application/json", garbage, Kind.MALFORMED, "garbage body"));
            }
            Object valid = validBody(op);
            String validJson = valid == null ? "{}" : json(valid);
            for (String type : CONTENT_TYPES) {
                probes.add(new Probe(op, validPath, type, validJson, Kind.MALFORMED, "content type " + type));
            }
            if (valid != null) {
                fieldProbes(op, validPath, valid, probes);
            }
        }
        return probes;
    }

    private HttpResponse<String> send(Probe probe, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + probe.path()))
                .timeout(Duration.ofSeconds(20));
        if (withKey) {
            request.header("X-Api-Key", AdApi.TEST_OPERATOR_KEY);
        }
        if (probe.contentType() != null && !probe.contentType().isEmpty()) {
            request.header("Content-Type", probe.contentType());
        }
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body());
        return http.send(request.method(probe.op().method(), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void malformedRequestsGetNo5xxNoCoercionAndChangeNothing() throws Exception {
        Map<String, String> before = snapshot();
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(25);
        List<Probe> probes = probes(operations);
        long start = System.nanoTime();
        long deadline = start + TIME_BUDGET.toNanos();
        int sent = 0;
        int coercionProbes = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> coercions = new ArrayList<>();
        int round = 0;
        while (sent < MIN_REQUESTS && System.nanoTime() < deadline) {
            for (Probe probe : probes) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                if (round > 0 && probe.what().endsWith("1MB")) {
                    continue; // one pass of the large bodies is enough
                }
                HttpResponse<String> response;
                try {
                    response = send(probe, round % 2 == 0 || probe.kind() == Kind.COERCION);
                } catch (java.io.IOException e) {
                    // the server may refuse a request outright (too long a URI): a closed connection is not a 5xx
                    sent++;
                    statuses.merge(0, 1, Integer::sum);
                    continue;
                }
                sent++;
                int status = response.statusCode();
                statuses.merge(status, 1, Integer::sum);
                String describe = probe.op().method() + " "
                        + probe.path().substring(0, Math.min(120, probe.path().length())) + " [" + probe.what()
                        + "] -> " + status + " "
                        + response.body().substring(0, Math.min(200, response.body().length()));
                boolean llmOff = status == 503 && probe.op().template().endsWith("/ad-texts")
                        && response.body().contains("LLM");
                if (status >= 500 && !llmOff) {
                    serverErrors.add(describe);
                }
                if (probe.kind() == Kind.COERCION) {
                    coercionProbes++;
                    if (status >= 200 && status < 300) {
                        coercions.add(describe);
                    }
                }
            }
            round++;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(
                "API fuzz: {} operations, {} probes, {} requests sent in {} ms ({} coercion probes); statuses {}; "
                        + "5xx {}; coercions accepted {}",
                operations.size(), probes.size(), sent, millis, coercionProbes, statuses, serverErrors.size(),
                coercions.size());
        System.out.printf(
                "API fuzz: %d operations, %d requests in %d ms, %d coercion probes, statuses %s, 5xx %d, "
                        + "coercions accepted %d%n",
                operations.size(), sent, millis, coercionProbes, statuses, serverErrors.size(), coercions.size());
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(coercions).as("coercions accepted").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(MIN_REQUESTS);
        assertThat(snapshot()).isEqualTo(before);
    }
}
