package io.chanmarket.webapp.ads;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small JSON client of the ad API over real HTTP, for tests and the bench tools. */
public final class AdApi {

    /** One response: status and body. */
    public record Reply(int status, String body) {

        public Map<String, Object> json() {
            return read(body, Argument.mapOf(String.class, Object.class));
        }

        public List<Map<String, Object>> jsonList() {
            return read(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        }

        public String field(String name) {
            Object value = json().get(name);
            return value == null ? null : value.toString();
        }
    }

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    /** The operator key of the test configuration (application-test.yml). */
    public static final String TEST_OPERATOR_KEY = "test-operator-key-0123456789abcdef";

    private final URI base;
    private final HttpClient http;
    private final String key;

    public AdApi(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public AdApi(URI base, HttpClient http) {
        this(base, http, null);
    }

    private AdApi(URI base, HttpClient http, String key) {
        this.base = base;
        this.http = http;
        this.key = key;
    }

    /** The same client sending {@code key} as {@code X-Api-Key}. */
    public AdApi withKey(String key) {
        return new AdApi(base, http, key);
    }

    /** The same client with the test configuration's operator key. */
    public AdApi asOperator() {
        return withKey(TEST_OPERATOR_KEY);
    }

    public Reply send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public URI base() {
        return base;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public Reply post(String path, Object body) {
        return postRaw(path, write(body));
    }

    public Reply postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private Reply send(HttpRequest.Builder request) {
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Argument<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON of the expected shape: " + json, e);
        }
    }

    /** A test resource (or file) of JSON: the data set under {@code /ads/}. */
    public static List<Map<String, Object>> resourceList(String name) {
        try (var in = AdApi.class.getResourceAsStream("/ads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /ads/" + name);
            }
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
