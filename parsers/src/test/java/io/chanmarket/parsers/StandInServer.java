package io.chanmarket.parsers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for TGStat / Telemetr: serves fixture replies by path, with scripted failures (429, 5xx, slow
 * replies, dropped connections) queued before the steady reply. Records every request.
 */
public final class StandInServer implements AutoCloseable {

    /** One scripted reply. */
    public record Reply(int status, byte[] body, String contentType, Duration delay, boolean drop) {

        public static Reply ok(String body) {
            return new Reply(200, body.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8", Duration.ZERO,
                    false);
        }

        public static Reply ok(byte[] body, String contentType) {
            return new Reply(200, body, contentType, Duration.ZERO, false);
        }

        public static Reply json(String body) {
            return new Reply(200, body.getBytes(StandardCharsets.UTF_8), "application/json; charset=UTF-8",
                    Duration.ZERO, false);
        }

        public static Reply status(int status) {
            return new Reply(status, ("HTTP " + status).getBytes(StandardCharsets.UTF_8), "text/plain", Duration.ZERO,
                    false);
        }

        /** The connection is closed without an answer. */
        public static Reply dropConnection() {
            return new Reply(0, new byte[0], null, Duration.ZERO, true);
        }

        public Reply after(Duration delay) {
            return new Reply(status, body, contentType, delay, drop);
        }
    }

    /** A request the server saw. */
    public record Seen(String path, String userAgent, long atNanos) {
    }

    private final HttpServer server;
    private final Map<String, Reply> steady = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final List<Seen> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public StandInServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The reply for {@code path} whenever nothing is scripted. */
    public StandInServer serve(String path, Reply reply) {
        steady.put(path, reply);
        return this;
    }

    /** Replies for the next requests to {@code path}, in order, before the steady one. */
    public StandInServer script(String path, Reply... replies) {
        Deque<Reply> queue = scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
        queue.addAll(List.of(replies));
        return this;
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public long count(String path) {
        return seen().stream().filter(s -> s.path().equals(path)).count();
    }

    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String key = query == null ? path : path + "?" + query;
            seen.add(new Seen(key, exchange.getRequestHeaders().getFirst("User-Agent"), System.nanoTime()));
            Deque<Reply> queue = scripted.get(path);
            Reply reply = queue == null ? null : queue.poll();
            if (reply == null) {
                reply = steady.getOrDefault(path, Reply.status(404));
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.drop()) {
                exchange.close();
                return;
            }
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (timeout test); nothing to answer
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
