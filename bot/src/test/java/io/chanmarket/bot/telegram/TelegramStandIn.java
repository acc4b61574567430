package io.chanmarket.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
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
 * A local stand-in for the Telegram Bot API: a real HTTP server answering {@code /bot<token>/<method>} the way Telegram
 * does ({@code getUpdates} long polling over a queue of updates, {@code sendMessage}, {@code editMessageText},
 * {@code setChatMenuButton}, {@code answerCallbackQuery}, {@code setWebhook}, ...). Every request is recorded; replies
 * can be scripted per method (429 with {@code retry_after}, 403 blocked, 5xx, slow).
 */
public final class TelegramStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KNOWN_METHODS = List.of("getUpdates", "sendMessage", "sendPhoto",
            "editMessageText", "setChatMenuButton", "answerCallbackQuery", "setWebhook", "deleteWebhook", "getMe",
            "deleteMessage", "editMessageReplyMarkup");

    /** One recorded call: the method and its parameters as JSON. */
    public record Call(String method, JsonNode params, long atNanos) {

        public String text() {
            return params.path("text").asText(null);
        }

        public long chatId() {
            return params.path("chat_id").asLong();
        }
    }

    /** One scripted reply. */
    public record Reply(int status, String body, Duration delay) {

        public static Reply tooManyRequests(int retryAfter) {
            return new Reply(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}", Duration.ZERO);
        }

        public static Reply blocked() {
            return new Reply(403,
                    "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}",
                    Duration.ZERO);
        }

        public static Reply serverError() {
            return new Reply(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}",
                    Duration.ZERO);
        }

        /** The normal answer, after a pause. */
        public static Reply slow(Duration delay) {
            return new Reply(200, null, delay);
        }
    }

    private volatile HttpServer server;
    private final int port;
    private final String token;
    private final List<Call> calls = new ArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    // Shared by every stand-in of the test run: update ids stay unique in the one test database.
    private static final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final java.util.Set<Long> blockedChats = ConcurrentHashMap.newKeySet();
    private final List<Call> accepted = new ArrayList<>();
    private final Map<Long, Long> lastAcceptedToChat = new java.util.HashMap<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private int ratePerSecond;
    private volatile Duration sendLatency = Duration.ZERO;
    private double tokens;
    private long lastRefill;

    public TelegramStandIn(String token) {
        this.token = token;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
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

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Telegram becomes unreachable, as in an outage: the port stops listening (new connections are refused); calls
     * already being answered get their answers first.
     */
    public synchronized void goDown() {
        server.stop(1);
    }

    /** Telegram answers again, on the same address. */
    public synchronized void comeBack() {
        long end = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                server = listen(port);
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                sleep(100);
            }
        }
    }

    /** Queues an update for {@code getUpdates}; its {@code update_id} is assigned here. */
    public int push(ObjectNode update) {
        int id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
        return id;
    }

    /** Queues a raw update body (for malformed updates); an {@code update_id} is added. */
    public int pushRaw(String json) {
        try {
            return push((ObjectNode) JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The next calls of {@code method} get these replies, in order, before normal answers resume. */
    public void script(String method, Reply... replies) {
        Deque<Reply> queue = scripted.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>());
        queue.addAll(List.of(replies));
    }

    /**
     * Enforces Telegram's limits on {@code sendMessage} and {@code sendPhoto}: {@code perSecond} in total (a bucket of
     * that many, refilled evenly) and one per chat per second; beyond them the answer is 429 with {@code retry_after}
     * 1.
     */
    public synchronized void limitRate(int perSecond) {
        ratePerSecond = perSecond;
        tokens = perSecond;
        lastRefill = System.nanoTime();
    }

    /** Accepted sends are answered only after this pause (so calls are in flight, as with a real network). */
    public void sendLatency(Duration latency) {
        sendLatency = latency;
    }

    /** Sends to this chat are answered 403 "bot was blocked by the user". */
    public void block(long chatId) {
        blockedChats.add(chatId);
    }

    /** {@code sendMessage} and {@code sendPhoto} calls answered with success, in order. */
    public List<Call> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** How many sends the rate limit answered with 429. */
    public int rateLimited() {
        return rateLimited.get();
    }

    private synchronized boolean withinLimits(long chatId) {
        if (ratePerSecond <= 0) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(ratePerSecond, tokens + (now - lastRefill) / 1e9 * ratePerSecond);
        lastRefill = now;
        Long last = lastAcceptedToChat.get(chatId);
        if (tokens < 1 || last != null && now - last < 1_000_000_000L) {
            return false;
        }
        tokens -= 1;
        lastAcceptedToChat.put(chatId, now);
        return true;
    }

    public List<Call> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    /** Waits until at least {@code count} calls of {@code method} were made, and returns them all. */
    public List<Call> await(String method, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<Call> found = calls(method);
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " " + method + " calls within " + timeout + ", saw "
                + calls(method).size() + ": " + calls(method));
    }

    /** Every message text sent to {@code chatId}, in order. */
    public List<String> textsTo(long chatId) {
        synchronized (calls) {
            return calls.stream().filter(c -> (c.method().equals("sendMessage") || c.method().equals("editMessageText"))
                    && c.chatId() == chatId).map(Call::text).toList();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            String method = canonical(path.substring(prefix.length()));
            JsonNode params = params(exchange);
            synchronized (calls) {
                calls.add(new Call(method, params, System.nanoTime()));
            }
            Deque<Reply> queue = scripted.get(method);
            Reply reply = queue == null ? null : queue.poll();
            if (reply != null && !reply.delay().isZero()) {
                sleep(reply.delay().toMillis());
            }
            if (reply != null && reply.body() != null) {
                respond(exchange, reply.status(), reply.body());
                return;
            }
            if (method.equals("sendMessage") || method.equals("sendPhoto")) {
                long chat = params.path("chat_id").asLong();
                if (blockedChats.contains(chat)) {
                    respond(exchange, 403, Reply.blocked().body());
                    return;
                }
                if (!withinLimits(chat)) {
                    rateLimited.incrementAndGet();
                    respond(exchange, 429, Reply.tooManyRequests(1).body());
                    return;
                }
                synchronized (accepted) {
                    accepted.add(new Call(method, params, System.nanoTime()));
                }
                if (!sendLatency.isZero()) {
                    sleep(sendLatency.toMillis());
                }
            }
            respond(exchange, 200, "{\"ok\":true,\"result\":" + result(method, params) + "}");
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"stand-in: " + e + "\"}");
        }
    }

    private String result(String method, JsonNode params) {
        switch (method) {
        case "getUpdates":
            return getUpdates(params).toString();
        case "sendMessage":
        case "editMessageText":
        case "sendPhoto":
            ObjectNode message = JSON.createObjectNode();
            message.put("message_id",
                    params.has("message_id") ? params.get("message_id").asInt() : nextMessageId.getAndIncrement());
            message.put("date", System.currentTimeMillis() / 1000);
            ObjectNode chat = message.putObject("chat");
            chat.put("id", params.path("chat_id").asLong());
            chat.put("type", "private");
            if (params.has("text")) {
                message.put("text", params.get("text").asText());
            }
            return message.toString();
        case "getMe":
            return "{\"id\":42,\"is_bot\":true,\"first_name\":\"Test bot\",\"username\":\"test_bot\"}";
        default:
            return "true";
        }
    }

    private ArrayNode getUpdates(JsonNode params) {
        long offset = params.path("offset").asLong(0);
        long deadline = System.currentTimeMillis() + 300;
        ArrayNode result = JSON.createArrayNode();
        synchronized (updates) {
            // As Telegram does: an offset confirms every update before it, which is then forgotten.
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
            while (true) {
                for (ObjectNode update : updates) {
                    if (update.get("update_id").asLong() >= offset) {
                        result.add(update);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (!result.isEmpty() || left <= 0) {
                    return result;
                }
                try {
                    updates.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return result;
                }
            }
        }
    }

    /** Telegram's method names are case-insensitive (the client library sends some in lower case). */
    private static String canonical(String method) {
        for (String known : KNOWN_METHODS) {
            if (known.equalsIgnoreCase(method)) {
                return known;
            }
        }
        return method;
    }

    private static JsonNode params(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String raw = new String(body, StandardCharsets.UTF_8);
        if (raw.isBlank()) {
            return JSON.createObjectNode();
        }
        if (type != null && type.contains("multipart/form-data")) {
            ObjectNode node = JSON.createObjectNode();
            var part = java.util.regex.Pattern.compile("name=\"([^\"]+)\"[^\\r]*\r\n(?:[^\r\n]+\r\n)*\r\n(.*?)\r\n--",
                    java.util.regex.Pattern.DOTALL).matcher(raw);
            while (part.find()) {
                node.put(part.group(1), part.group(2));
            }
            return node;
        }
        if (type != null && type.contains("x-www-form-urlencoded")) {
            ObjectNode node = JSON.createObjectNode();
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                node.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return node;
        }
        return JSON.readTree(raw);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
