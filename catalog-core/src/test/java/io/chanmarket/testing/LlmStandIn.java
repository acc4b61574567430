package io.chanmarket.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in of an OpenAI-compatible chat-completions endpoint ({@code POST /v1/chat/completions}). Each request
 * is answered by the current {@link Behaviour}; requests, the largest number in flight at once and the request bodies
 * are recorded.
 */
public final class LlmStandIn implements AutoCloseable {

    /** How the next requests are answered. */
    public sealed interface Behaviour {
    }

    /** A normal completion with this content, after {@code delayMillis}. */
    public record Answer(String content, long delayMillis) implements Behaviour {
    }

    /** This HTTP status with a JSON error body. */
    public record Status(int code) implements Behaviour {
    }

    /** 200 with a body that is not a chat completion. */
    public record Malformed(String body) implements Behaviour {
    }

    /** Fails {@code failures} times with this status, then answers normally. */
    public record FailThenAnswer(int failures, int code, String content) implements Behaviour {
    }

    private final HttpServer server;
    private volatile Behaviour behaviour = new Answer("Fresh ad text.", 0);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public LlmStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            int number = requests.incrementAndGet();
            int current = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(current, Math::max);
            try {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                int status = 200;
                String body;
                Behaviour now = behaviour;
                if (now instanceof Answer answer) {
                    sleep(answer.delayMillis());
                    body = completion(answer.content());
                } else if (now instanceof Status error) {
                    status = error.code();
                    body = "{\"error\":{\"message\":\"stand-in failure\"}}";
                } else if (now instanceof Malformed malformed) {
                    body = malformed.body();
                } else {
                    FailThenAnswer mixed = (FailThenAnswer) now;
                    if (number <= mixed.failures()) {
                        status = mixed.code();
                        body = "{\"error\":{\"message\":\"stand-in failure\"}}";
                    } else {
                        body = completion(mixed.content());
                    }
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (IOException e) {
                // the client gave up (timeout): nothing to answer
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    private static String completion(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"stand-in",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""".formatted(escaped);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The base URL to configure ({@code app.ads.llm.base-url}). */
    public String baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1").toString();
    }

    /** Answers from now on this way, and starts counting requests afresh. */
    public LlmStandIn behave(Behaviour next) {
        behaviour = next;
        requests.set(0);
        maxInFlight.set(0);
        bodies.clear();
        authorizations.clear();
        return this;
    }

    public int requests() {
        return requests.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public List<String> bodies() {
        return bodies;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
