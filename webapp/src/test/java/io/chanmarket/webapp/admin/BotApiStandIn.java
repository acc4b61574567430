package io.chanmarket.webapp.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A minimal Telegram Bot API stand-in for the admin's browser tests: a real HTTP server answering {@code sendMessage},
 * {@code sendPhoto} and {@code getMe}, recording every accepted message, that can be taken down (its port refuses
 * connections, as in an outage) and brought back on the same address.
 */
final class BotApiStandIn implements AutoCloseable {

    static final String TOKEN = "42:BROWSER";
    /** {@code chat_id} in a JSON, form or multipart body. */
    private static final java.util.regex.Pattern CHAT_ID = java.util.regex.Pattern
            .compile("chat_id\"?(?:\\s*[:=]\\s*\"?|[^\\r\\n]*\\r\\n\\r\\n)(-?\\d+)");

    private final int port;
    private final List<Long> accepted = new ArrayList<>();
    private volatile HttpServer server;
    private volatile Duration latency = Duration.ZERO;

    BotApiStandIn() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    synchronized void goDown() {
        server.stop(1);
    }

    synchronized void comeBack() throws InterruptedException {
        for (int i = 0;; i++) {
            try {
                server = listen(port);
                return;
            } catch (IllegalStateException e) {
                if (i > 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Chat ids of accepted messages, in order. */
    List<Long> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    Map<Long, Long> perChat() {
        return accepted().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private HttpServer listen(int on) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 0);
            created.setExecutor(Executors.newCachedThreadPool());
            created.createContext("/", this::serve);
            created.start();
            return created;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (method.equals("sendmessage") || method.equals("sendphoto")) {
                java.util.regex.Matcher m = CHAT_ID.matcher(body);
                long chat = m.find() ? Long.parseLong(m.group(1)) : 0;
                synchronized (accepted) {
                    accepted.add(chat);
                }
                if (!latency.isZero()) {
                    Thread.sleep(latency.toMillis());
                }
                respond(exchange, "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":"
                        + System.currentTimeMillis() / 1000 + ",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}}}");
            } else if (method.equals("getme")) {
                respond(exchange, "{\"ok\":true,\"result\":{\"id\":42,\"is_bot\":true,\"first_name\":\"Bot\"}}");
            } else {
                respond(exchange, "{\"ok\":true,\"result\":true}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
