package io.chanmarket.parsers.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.StandInServer;
import io.chanmarket.parsers.StandInServer.Reply;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.parsers.tgstat.TgstatHtmlSource;
import io.chanmarket.parsers.tgstat.TgstatSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a local stand-in for TGStat serving the saved stat page, with injected 429s, 5xx, slow replies
 * and dropped connections. Time is virtual: every wait the fetcher makes is recorded instead of slept.
 */
class PoliteFetcherIT {

    private static final String RIAN = "/channel/@rian_ru/stat";
    private static final Duration BASE = Duration.ofSeconds(30);

    private final StandInServer tgstat = new StandInServer().serve(RIAN, Reply.ok(Fixtures.rianStatPage()))
            .serve("/robots.txt", Reply.ok("User-agent: *\nDisallow: /channel/@secret/\n".getBytes(), "text/plain"));
    private final VirtualPacing pacing = new VirtualPacing(0.5);
    private final InMemoryResponseCache cache = new InMemoryResponseCache();

    @AfterEach
    void stop() {
        tgstat.close();
    }

    private TgstatHtmlSource source(int maxRetries, int circuitFailures, Duration requestTimeout) {
        FetchSettings settings = new FetchSettings("chanmarket-test/1.0 (+mailto:test@example.org)",
                Duration.ofSeconds(2), requestTimeout, Duration.ofSeconds(4), 0.5, BASE, Duration.ofMinutes(10),
                maxRetries, circuitFailures, Duration.ofHours(1), Duration.ofHours(24), 1_000_000, true,
                Duration.ofHours(24));
        return new TgstatHtmlSource(new TgstatSettings(tgstat.baseUrl(), "unused", null),
                new PoliteFetcher(settings, pacing, cache));
    }

    private TgstatHtmlSource source() {
        return source(2, 5, Duration.ofSeconds(5));
    }

    @Test
    void waitsTheMinimumDelayPlusJitterBetweenRequestsAndSendsItsUserAgent() {
        TgstatHtmlSource source = source();
        tgstat.serve("/channel/@other/stat", Reply.ok(Fixtures.rianStatPage()));

        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.OK);
        assertThat(source.fetch("other").result().status()).isEqualTo(ResultStatus.OK);

        // robots.txt, then the two pages: 4 s + 50% of the 50% jitter = 5 s before each page
        assertThat(tgstat.seen()).extracting(StandInServer.Seen::path).containsExactly("/robots.txt", RIAN,
                "/channel/@other/stat");
        assertThat(pacing.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(tgstat.seen()).allSatisfy(s -> assertThat(s.userAgent()).startsWith("chanmarket-test/1.0"));
    }

    @Test
    void sendsOneRequestAtATimePerHost() throws Exception {
        TgstatHtmlSource source = source();
        List<String> names = List.of("a1", "a2", "a3", "a4", "a5", "a6");
        for (String name : names) {
            tgstat.serve("/channel/@" + name + "/stat", Reply.ok(Fixtures.rianStatPage()).after(Duration.ofMillis(40)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (String name : names) {
            done.add(pool.submit(() -> source.fetch(name)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(tgstat.count("/channel/@a1/stat") + tgstat.count("/channel/@a6/stat")).isEqualTo(2);
        assertThat(tgstat.maxConcurrentRequests()).isEqualTo(1);
    }

    @Test
    void aGoodReplyIsCachedAndNotAskedForAgain() {
        TgstatHtmlSource source = source();

        Fetched<ChannelStats> first = source.fetch("rian_ru");
        Fetched<ChannelStats> second = source.fetch("rian_ru");

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.fetchedAt()).isEqualTo(first.fetchedAt());
        assertThat(tgstat.count(RIAN)).isEqualTo(1);

        pacing.advance(Duration.ofHours(25));
        assertThat(source.fetch("rian_ru").fromCache()).isFalse();
        assertThat(tgstat.count(RIAN)).isEqualTo(2);
    }

    @Test
    void backsOffExponentiallyAfter429AndDoesNotRetryItAtOnce() {
        TgstatHtmlSource source = source();
        tgstat.script(RIAN, Reply.status(429), Reply.status(429));

        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.RATE_LIMITED);
        assertThat(tgstat.count(RIAN)).isEqualTo(1);
        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.RATE_LIMITED);
        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.OK);

        assertThat(pacing.sleeps()).containsExactly(Duration.ofSeconds(5), BASE, BASE.multipliedBy(2));
    }

    @Test
    void retries5xxWithGrowingPausesWithinOneFetch() {
        TgstatHtmlSource source = source();
        tgstat.script(RIAN, Reply.status(502), Reply.status(503));

        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.OK);

        assertThat(tgstat.count(RIAN)).isEqualTo(3);
        assertThat(pacing.sleeps()).containsExactly(Duration.ofSeconds(5), BASE, BASE.multipliedBy(2));
    }

    @Test
    void theCircuitBreakerStopsAskingAHostThatKeepsFailing() {
        TgstatHtmlSource source = source(0, 3, Duration.ofSeconds(5));
        tgstat.script(RIAN, Reply.status(500), Reply.status(500), Reply.status(500), Reply.status(500));

        for (int i = 0; i < 3; i++) {
            assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.NETWORK);
        }
        Fetched<ChannelStats> refused = source.fetch("rian_ru");

        assertThat(refused.result().status()).isEqualTo(ResultStatus.REFUSED);
        assertThat(tgstat.count(RIAN)).isEqualTo(3);

        pacing.advance(Duration.ofMinutes(61));
        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.NETWORK);
        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.REFUSED);
        pacing.advance(Duration.ofMinutes(61));
        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.OK);
        assertThat(tgstat.count(RIAN)).isEqualTo(5);
    }

    @Test
    void aSuspectedRobotReplyBacksOffLikeA429AndIsNotCached() {
        TgstatHtmlSource source = source();
        tgstat.script(RIAN, Reply.json(Fixtures.text("tgstat/restricted_429.json")));

        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.RATE_LIMITED);
        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.OK);

        assertThat(tgstat.count(RIAN)).isEqualTo(2);
        assertThat(pacing.sleeps()).containsExactly(Duration.ofSeconds(5), BASE);
    }

    @Test
    void slowRepliesTimeOutAndDroppedConnectionsAreNetworkFailures() {
        TgstatHtmlSource source = source(0, 5, Duration.ofMillis(300));
        tgstat.script(RIAN, Reply.ok(Fixtures.rianStatPage()).after(Duration.ofMillis(1_500)),
                // the JDK client itself retries a GET once on a dropped connection: drop both
                Reply.dropConnection(), Reply.dropConnection());

        var slow = source.fetch("rian_ru").result();
        var dropped = source.fetch("rian_ru").result();

        assertThat(slow.status()).isEqualTo(ResultStatus.NETWORK);
        assertThat(slow.toString()).contains("timed out");
        assertThat(dropped.status()).isEqualTo(ResultStatus.NETWORK);
        assertThat(source.fetch("rian_ru").result().status()).isEqualTo(ResultStatus.OK);
    }

    @Test
    void robotsTxtIsObeyed() {
        TgstatHtmlSource source = source();

        var result = source.fetch("secret").result();

        assertThat(result.status()).isEqualTo(ResultStatus.REFUSED);
        assertThat(tgstat.count("/channel/@secret/stat")).isZero();
    }

    @Test
    void notFoundAndForbiddenStatusesAreClassified() {
        TgstatHtmlSource source = source();
        tgstat.serve("/channel/@gone/stat", Reply.status(404));
        tgstat.serve("/channel/@banned/stat", Reply.ok(Fixtures.text("tgstat/banned.html")));

        assertThat(source.fetch("gone").result().status()).isEqualTo(ResultStatus.NOT_FOUND);
        assertThat(source.fetch("banned").result().status()).isEqualTo(ResultStatus.RESTRICTED);
    }

    @Test
    void anOversizedReplyIsRefusedNotParsed() {
        TgstatHtmlSource source = source();
        tgstat.serve("/channel/@huge/stat", Reply.ok("<html>" + "x".repeat(1_200_000) + "</html>"));

        var result = source.fetch("huge").result();

        assertThat(result.status()).isEqualTo(ResultStatus.LAYOUT_CHANGED);
        assertThat(result.toString()).contains("larger than");
    }
}
