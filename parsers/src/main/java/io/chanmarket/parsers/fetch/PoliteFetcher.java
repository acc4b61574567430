package io.chanmarket.parsers.fetch;

import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages the way a considerate visitor would: one request at a time per host, at least
 * {@link FetchSettings#minDelay()} apart plus a random extra, robots.txt obeyed, exponential backoff after 429, 5xx and
 * network failures, and a circuit breaker that stops asking a host that keeps failing. Good replies are cached, so a
 * channel is asked for at most once per {@link FetchSettings#cacheTtl()}.
 *
 * <p>
 * Callers hand in the source's parser: only a reply the parser accepts is cached, and a reply it reads as a robot check
 * (a 200 with a captcha) backs the host off like a 429.
 */
@Singleton
public class PoliteFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

    private final FetchSettings settings;
    private final Pacing pacing;
    private final ResponseCache cache;
    private final HttpClient http;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    @Inject
    public PoliteFetcher(FetchSettings settings, Pacing pacing, ResponseCache cache) {
        this.settings = settings;
        this.pacing = pacing;
        this.cache = cache;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The politeness state of one host; its lock makes requests to the host one at a time. */
    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        Instant nextAllowed = Instant.MIN;
        int failuresInRow;
        Instant openUntil = Instant.MIN;
        RobotsTxt robots;
        Instant robotsReadAt = Instant.MIN;
    }

    /**
     * Fetches {@code uri} (or takes it from the cache) and parses it.
     *
     * @param cacheKey
     *            what the reply is cached under (a URL without secrets such as API tokens)
     */
    public <T> Fetched<T> fetch(URI uri, String cacheKey, Function<Page, ParseResult<T>> parser) {
        Instant now = pacing.now();
        Optional<Page> cached = cache.get(cacheKey, now.minus(settings.cacheTtl()));
        if (cached.isPresent()) {
            ParseResult<T> result = parser.apply(cached.get());
            if (result.status() == ResultStatus.OK) {
                return new Fetched<>(result, cached.get().fetchedAt(), true);
            }
        }
        Host host = hosts.computeIfAbsent(hostKey(uri), k -> new Host());
        host.lock.lock();
        try {
            Object outcome = fetchLocked(host, uri);
            if (outcome instanceof Failure failure) {
                return new Fetched<>(ParseResult.failed(failure.status(), failure.reason()), pacing.now(), false);
            }
            Page page = (Page) outcome;
            ParseResult<T> result = parser.apply(page);
            if (result.status() == ResultStatus.RATE_LIMITED) {
                fail(host, null);
            } else {
                host.failuresInRow = 0;
            }
            if (result.status() == ResultStatus.OK) {
                cache.put(cacheKey, page);
            }
            return new Fetched<>(result, page.fetchedAt(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched<>(ParseResult.failed(ResultStatus.NETWORK, "interrupted"), pacing.now(), false);
        } finally {
            host.lock.unlock();
        }
    }

    /** When the host may be asked next, and whether its breaker is open (for admins and tests). */
    public Optional<HostState> hostState(URI uri) {
        Host host = hosts.get(hostKey(uri));
        if (host == null) {
            return Optional.empty();
        }
        host.lock.lock();
        try {
            return Optional.of(new HostState(host.nextAllowed, host.failuresInRow, host.openUntil));
        } finally {
            host.lock.unlock();
        }
    }

    /** A host's politeness state. */
    public record HostState(Instant nextAllowed, int failuresInRow, Instant circuitOpenUntil) {
    }

    private record Failure(ResultStatus status, String reason) {
    }

    private Object fetchLocked(Host host, URI uri) throws InterruptedException {
        if (pacing.now().isBefore(host.openUntil)) {
            return new Failure(ResultStatus.REFUSED,
                    "paused after " + host.failuresInRow + " failures in a row; asking again after " + host.openUntil);
        }
        if (settings.respectRobots()) {
            Object robots = robots(host, uri);
            if (robots instanceof Failure failure) {
                return failure;
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (!host.robots.allows(path.isEmpty() ? "/" : path)) {
                return new Failure(ResultStatus.REFUSED, "robots.txt disallows " + uri.getRawPath());
            }
        }
        Object outcome = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (pacing.now().isBefore(host.openUntil)) {
                return outcome;
            }
            outcome = request(host, uri);
            if (!(outcome instanceof Failure failure) || failure.status() != ResultStatus.NETWORK) {
                return outcome;
            }
        }
        return outcome;
    }

    private Object robots(Host host, URI uri) throws InterruptedException {
        if (host.robots != null && pacing.now().isBefore(host.robotsReadAt.plus(settings.robotsTtl()))) {
            return host.robots;
        }
        URI robotsUri = uri.resolve("/robots.txt");
        Object outcome = request(host, robotsUri);
        if (outcome instanceof Failure failure) {
            return new Failure(failure.status(), "robots.txt: " + failure.reason());
        }
        Page page = (Page) outcome;
        host.robots = page.status() == 200
                ? RobotsTxt.parse(new String(page.body(), StandardCharsets.UTF_8), settings.userAgent())
                : RobotsTxt.ALLOW_ALL;
        host.robotsReadAt = pacing.now();
        return host.robots;
    }

    /** One request after waiting the host's turn; 429/5xx/network failures are failures, anything else a page. */
    private Object request(Host host, URI uri) throws InterruptedException {
        Duration wait = Duration.between(pacing.now(), host.nextAllowed);
        if (!wait.isNegative()) {
            pacing.sleep(wait);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").header("Accept-Language", "ru,en;q=0.8")
                .GET().build();
        Object outcome;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            outcome = read(response);
        } catch (HttpTimeoutException e) {
            outcome = new Failure(ResultStatus.NETWORK, "timed out");
        } catch (ConnectException e) {
            outcome = new Failure(ResultStatus.NETWORK, "connection refused");
        } catch (IOException e) {
            outcome = new Failure(ResultStatus.NETWORK, "connection failed (" + e.getClass().getSimpleName() + ")");
        }
        if (outcome instanceof Failure failure) {
            if (failure.status() == ResultStatus.NETWORK || failure.status() == ResultStatus.RATE_LIMITED) {
                fail(host, failure);
            }
        } else {
            host.nextAllowed = pacing.now().plus(politeDelay(host));
        }
        return outcome;
    }

    private Object read(HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        try (InputStream in = response.body()) {
            if (status == 429 || status == 426) {
                return new Failure(ResultStatus.RATE_LIMITED,
                        status == 429 ? "HTTP 429 Too Many Requests" : "quota exhausted (HTTP 426)");
            }
            if (status >= 500) {
                return new Failure(ResultStatus.NETWORK, "HTTP " + status);
            }
            byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
            if (body.length > settings.maxBodyBytes()) {
                return new Failure(ResultStatus.LAYOUT_CHANGED,
                        "reply larger than " + settings.maxBodyBytes() / 1024 + " KB");
            }
            String charset = response.headers().firstValue("Content-Type").map(PoliteFetcher::charsetOf).orElse(null);
            return new Page(status, body, charset, pacing.now(), false);
        }
    }

    /** Records a failure: exponential backoff, and the breaker opens after too many in a row. */
    private void fail(Host host, Failure failure) {
        host.failuresInRow++;
        Duration backoff = settings.backoffBase().multipliedBy(1L << Math.min(host.failuresInRow - 1, 20));
        if (backoff.compareTo(settings.backoffMax()) > 0) {
            backoff = settings.backoffMax();
        }
        Instant now = pacing.now();
        host.nextAllowed = now.plus(backoff);
        if (host.failuresInRow >= settings.circuitFailures()) {
            host.openUntil = now.plus(settings.circuitOpenFor());
            LOG.warn("Pausing requests to a host for {} after {} failures in a row", settings.circuitOpenFor(),
                    host.failuresInRow);
        }
        LOG.info("Fetch failed ({}), backing off {}", failure == null ? "robot check" : failure.reason(), backoff);
    }

    private Duration politeDelay(Host host) {
        Duration min = settings.minDelay();
        if (host.robots != null && host.robots.crawlDelay() != null && host.robots.crawlDelay().compareTo(min) > 0) {
            min = host.robots.crawlDelay();
        }
        long extra = (long) (min.toMillis() * settings.jitter() * pacing.random());
        return min.plusMillis(extra);
    }

    private static String hostKey(URI uri) {
        return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    }

    static String charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }
}
