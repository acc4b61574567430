package io.chanmarket.parsers.refresh;

import static io.chanmarket.parsers.CatalogRows.aChannel;
import static io.chanmarket.parsers.CatalogRows.aUsername;
import static io.chanmarket.parsers.CatalogRows.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.MetricSnapshot;
import io.chanmarket.core.catalog.metrics.MetricSource;
import io.chanmarket.parsers.CatalogRows;
import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.StandInServer;
import io.chanmarket.parsers.StandInServer.Reply;
import io.chanmarket.parsers.result.LabelMarker;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.parsers.review.LabelEvidence;
import io.chanmarket.parsers.review.StoredMarker;
import io.chanmarket.parsers.review.ValueReview;
import io.chanmarket.parsers.review.ValueReviews;
import io.chanmarket.parsers.tgstat.TgstatPageRulesTest;
import io.chanmarket.parsers.warnings.ChannelWarnings;
import io.chanmarket.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A refresh end to end: the stand-in TGStat and Telemetr serve saved pages (and failures), results land in PostgreSQL
 * through the catalog's metrics API, failures are logged and never overwrite good values.
 */
@MicronautTest(transactional = false)
class RefreshPipelineIT implements DatabaseTest {

    static final StandInServer SOURCES = new StandInServer();

    @Inject
    RefreshRunner runner;
    @Inject
    ChannelMetrics metrics;
    @Inject
    FetchLog log;
    @Inject
    ChannelWarnings warnings;
    @Inject
    LabelEvidence labels;
    @Inject
    ValueReviews reviews;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("app.parsers.tgstat.base-url", SOURCES.baseUrl(), "app.parsers.telemetr.enabled", "true",
                "app.parsers.telemetr.base-url", SOURCES.baseUrl(), "app.parsers.fetch.min-delay", "20ms",
                "app.parsers.fetch.jitter", "0", "app.parsers.fetch.backoff-base", "50ms",
                "app.parsers.fetch.backoff-max", "200ms", "app.parsers.fetch.max-retries", "1",
                "app.parsers.fetch.circuit-failures", "100");
    }

    @AfterAll
    void stop() {
        SOURCES.close();
    }

    private static void tgstatServes(String username, Reply reply) {
        SOURCES.serve("/channel/@" + username + "/stat", reply);
    }

    @Test
    void aGoodFetchWritesCurrentValuesAHistoryRowAndCpm() {
        String name = aUsername("rian");
        long id = aChannel(name, new BigDecimal("50000.00"));
        tgstatServes(name, Reply.ok(Fixtures.rianStatPage()));
        SOURCES.serve("/@" + name, Reply.ok(Fixtures.text("telemetr/channel_rian_ru.html")));

        RefreshOutcome outcome = runner.refresh(metrics.find(id).orElseThrow());

        assertThat(outcome).isEqualTo(new RefreshOutcome(id, ResultStatus.OK, ResultStatus.OK, true));
        Map<String, Object> row = channel(id);
        assertThat(row.get("subscribers")).isEqualTo(3_039_296L);
        assertThat(row.get("avg_reach")).isEqualTo(211_798L);
        assertThat(row.get("ad_reach_12h")).isEqualTo(162_500L);
        assertThat(row.get("ad_reach_24h")).isEqualTo(198_511L);
        assertThat(row.get("ad_reach_48h")).isEqualTo(228_700L);
        assertThat((BigDecimal) row.get("err_pct")).isEqualByComparingTo("7");
        assertThat((BigDecimal) row.get("err24_pct")).isEqualByComparingTo("6.5");
        assertThat((BigDecimal) row.get("er_pct")).isEqualByComparingTo("0.86");
        assertThat((BigDecimal) row.get("citation_index")).isEqualByComparingTo("20200");
        assertThat(row.get("posts_count")).isEqualTo(344_941L);
        assertThat(row.get("channel_created_on")).isEqualTo(Date.valueOf(LocalDate.of(2017, 2, 28)));
        assertThat(row.get("verified")).isEqualTo(true);
        assertThat(row.get("red_label")).isEqualTo(false);
        assertThat(row.get("language")).isEqualTo("ru");
        assertThat(row.get("country")).isEqualTo("Россия");
        assertThat(row.get("logo_url")).asString().startsWith("https://static2.tgstat.ru/");
        assertThat(row.get("metrics_updated_at")).isNotNull();
        // CPM = 50 000 ÷ 198 511 (24 h ad reach) × 1000
        assertThat((BigDecimal) row.get("cpm_rub")).isEqualByComparingTo("251.88");
        // Telemetr adds the gender split
        assertThat((BigDecimal) row.get("gender_male_pct")).isEqualByComparingTo("58.4");
        assertThat((BigDecimal) row.get("gender_female_pct")).isEqualByComparingTo("41.6");

        List<MetricSnapshot> history = metrics.history(id, MetricSource.TGSTAT_HTML, 10);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).subscribers()).isEqualTo(3_039_296L);
        assertThat(metrics.history(id, MetricSource.TELEMETR, 10)).extracting(MetricSnapshot::avgReach)
                .containsExactly(208_410L);
        assertThat(log.statuses(id)).extracting(FetchStatus::source, FetchStatus::lastStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TELEMETR", ResultStatus.OK),
                org.assertj.core.groups.Tuple.tuple("TGSTAT_HTML", ResultStatus.OK));
        assertThat(warnings.forChannel(id)).isEmpty();
    }

    @Test
    void aRefreshWithinTheCachePeriodAsksNobodyAndWritesNoNewHistory() {
        String name = aUsername("cached");
        long id = aChannel(name, null);
        tgstatServes(name, Reply.ok(Fixtures.rianStatPage()));

        runner.refresh(metrics.find(id).orElseThrow());
        RefreshOutcome again = runner.refresh(metrics.find(id).orElseThrow());

        assertThat(again.written()).isFalse();
        assertThat(SOURCES.count("/channel/@" + name + "/stat")).isEqualTo(1);
        assertThat(metrics.history(id, MetricSource.TGSTAT_HTML, 10)).hasSize(1);
        assertThat(channel(id).get("cpm_rub")).isNull();
    }

    @Test
    void failuresAreRecordedWithTheirReasonAndTheLastGoodValuesStay() {
        String name = aUsername("limited");
        long id = aChannel(name, new BigDecimal("1000"));
        CatalogRows.update("UPDATE channel SET subscribers = 5000, avg_reach = 1200, cpm_rub = 833.33,"
                + " metrics_updated_at = now() - interval '3 days' WHERE id = ?", id);

        tgstatServes(name, Reply.status(429));
        RefreshOutcome limited = runner.refresh(metrics.find(id).orElseThrow());
        tgstatServes(name, Reply.ok(Fixtures.rianStatPage().replace("подписчики", "followers")));
        RefreshOutcome changed = runner.refresh(metrics.find(id).orElseThrow());
        tgstatServes(name, Reply.status(503));
        RefreshOutcome down = runner.refresh(metrics.find(id).orElseThrow());

        assertThat(limited.tgstat()).isEqualTo(ResultStatus.RATE_LIMITED);
        assertThat(changed.tgstat()).isEqualTo(ResultStatus.LAYOUT_CHANGED);
        assertThat(down.tgstat()).isEqualTo(ResultStatus.NETWORK);
        Map<String, Object> row = channel(id);
        assertThat(row.get("subscribers")).isEqualTo(5_000L);
        assertThat(row.get("avg_reach")).isEqualTo(1_200L);
        assertThat((BigDecimal) row.get("cpm_rub")).isEqualByComparingTo("833.33");
        assertThat(metrics.history(id, null, 10)).isEmpty();

        FetchStatus status = log.statuses(id).stream().filter(s -> s.source().equals("TGSTAT_HTML")).findFirst()
                .orElseThrow();
        assertThat(status.lastStatus()).isEqualTo(ResultStatus.NETWORK);
        assertThat(status.lastReason()).isEqualTo("HTTP 503");
        assertThat(status.consecutiveFailures()).isEqualTo(3);
        assertThat(status.lastSuccessAt()).isNull();
        assertThat(log.attempts(id, 10)).filteredOn(a -> a.source().equals("TGSTAT_HTML"))
                .extracting(FetchAttempt::status, FetchAttempt::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ResultStatus.NETWORK, "HTTP 503"),
                        org.assertj.core.groups.Tuple.tuple(ResultStatus.LAYOUT_CHANGED,
                                "stat cards missing: подписчики"),
                        org.assertj.core.groups.Tuple.tuple(ResultStatus.RATE_LIMITED, "HTTP 429 Too Many Requests"));
        assertThat(log.failing(100)).extracting(FetchStatus::channelId).contains(id);
    }

    @Test
    void notFoundAndBannedChannelsAreClassifiedNotWritten() {
        String gone = aUsername("gone");
        String banned = aUsername("banned");
        long goneId = aChannel(gone, null);
        long bannedId = aChannel(banned, null);
        tgstatServes(gone, Reply.ok(Fixtures.text("tgstat/not_found.html")));
        tgstatServes(banned, Reply.ok(Fixtures.text("tgstat/banned.html")));

        assertThat(runner.refresh(metrics.find(goneId).orElseThrow()).tgstat()).isEqualTo(ResultStatus.NOT_FOUND);
        assertThat(runner.refresh(metrics.find(bannedId).orElseThrow()).tgstat()).isEqualTo(ResultStatus.RESTRICTED);
        assertThat(channel(goneId).get("metrics_updated_at")).isNull();
    }

    @Test
    void aRedMarkerLabelsTheChannelWithEvidenceAndWarningsComeFromTheHistory() {
        String name = aUsername("inflated");
        long id = aChannel(name, null);
        // The real page with one edit each: the red-label marker image, and a reach far below the subscriber count.
        String page = TgstatPageRulesTest
                .withMarker(Fixtures.rianStatPage(), "/public/images/red-label.png", TgstatPageRulesTest.RED_TEXT)
                .replace("211 798", "9 000");
        tgstatServes(name, Reply.ok(page));

        runner.refresh(metrics.find(id).orElseThrow());

        assertThat(channel(id).get("red_label")).isEqualTo(true);
        assertThat(channel(id).get("black_label")).isEqualTo(false);
        assertThat(labels.forChannel(id))
                .extracting(StoredMarker::kind, StoredMarker::text, StoredMarker::element, StoredMarker::source)
                .containsExactly(
                        tuple(LabelMarker.Kind.RED, TgstatPageRulesTest.RED_TEXT,
                                "img[src=/public/images/red-label.png]", "TGSTAT_HTML"),
                        tuple(LabelMarker.Kind.INFO, "У канала есть подтвержденный владелец на TGStat",
                                "img[src=/public/images/verified.png]", "TGSTAT_HTML"));
        assertThat(warnings.forChannel(id)).extracting(w -> w.code()).containsExactly("LOW_REACH");
    }

    @Test
    void wordsInTheDescriptionNeverLabelAChannelAndAGoneMarkerClearsTheLabel() {
        String name = aUsername("antiscam");
        long id = aChannel(name, null);
        CatalogRows.update("UPDATE channel SET red_label = TRUE, black_label = TRUE WHERE id = ?", id);
        // The real page with one edit: a description full of the words the old parser matched.
        tgstatServes(name, Reply.ok(TgstatPageRulesTest.withDescription(Fixtures.rianStatPage(),
                "Разоблачаем накрутку, скам и мошенничество. Красная метка? Черная метка?")));

        runner.refresh(metrics.find(id).orElseThrow());

        assertThat(channel(id).get("red_label")).isEqualTo(false);
        assertThat(channel(id).get("black_label")).isEqualTo(false);
        assertThat(labels.forChannel(id)).extracting(StoredMarker::kind).containsExactly(LabelMarker.Kind.INFO);
    }

    @Test
    void anAmbiguousNumberIsNotWrittenTheFieldKeepsItsValueAndThePageIsFlagged() {
        String name = aUsername("ambiguous");
        long id = aChannel(name, null);
        CatalogRows.update("UPDATE channel SET citation_index = 19500, subscribers = 3000000 WHERE id = ?", id);
        // The real page with one edit: no declared language, and the citation index as «20,200».
        tgstatServes(name, Reply.ok(Fixtures.rianStatPage().replace("<html lang=\"ru\" class=\"  site-ru\">", "<html>")
                .replace("<h2 class=\"text-dark\">20 200</h2>", "<h2 class=\"text-dark\">20,200</h2>")));

        RefreshOutcome outcome = runner.refresh(metrics.find(id).orElseThrow());

        assertThat(outcome.tgstat()).isEqualTo(ResultStatus.OK);
        Map<String, Object> row = channel(id);
        assertThat((BigDecimal) row.get("citation_index")).isEqualByComparingTo("19500");
        assertThat(row.get("subscribers")).isEqualTo(3_039_296L);
        assertThat(metrics.history(id, MetricSource.TGSTAT_HTML, 1).get(0).citationIndex()).isNull();
        FetchStatus status = log.statuses(id).stream().filter(s -> s.source().equals("TGSTAT_HTML")).findFirst()
                .orElseThrow();
        assertThat(status.lastStatus()).isEqualTo(ResultStatus.OK);
        assertThat(status.lastReason()).isEqualTo("refused: citationIndex ('20,200')");
        assertThat(reviews.forChannel(id, 10))
                .extracting(ValueReview::field, ValueReview::kind, ValueReview::rawText, ValueReview::reason,
                        ValueReview::state)
                .containsExactly(tuple("citationIndex", "REFUSED", "20,200",
                        "ambiguous: '20,200' reads as 20200 or 20.2", "OPEN"));
    }

    @Test
    void aTenfoldSubscriberJumpIsHeldForAnAdminAndWrittenOnlyWhenConfirmed() {
        String name = aUsername("jump");
        long id = aChannel(name, new BigDecimal("50000"));
        CatalogRows.update("UPDATE channel SET subscribers = 303929, err_pct = 7.5 WHERE id = ?", id);
        // The real page with one edit: ERR as 120%. Subscribers 3 039 296 are ten times the channel's 303 929.
        tgstatServes(name,
                Reply.ok(Fixtures.rianStatPage().replaceFirst("(?s)(<b class=\"text-dark mr-2\">\\s*)7%", "$1120%")));

        runner.refresh(metrics.find(id).orElseThrow());

        Map<String, Object> row = channel(id);
        assertThat(row.get("subscribers")).isEqualTo(303_929L);
        assertThat((BigDecimal) row.get("err_pct")).isEqualByComparingTo("7.5");
        assertThat(row.get("avg_reach")).isEqualTo(211_798L);
        assertThat(log.attempts(id, 10)).filteredOn(a -> a.source().equals("TGSTAT_HTML"))
                .extracting(FetchAttempt::reason)
                .containsExactly("held for confirmation: subscribers (3039296), errPct (120)");
        List<ValueReview> held = reviews.forChannel(id, 10);
        assertThat(held).extracting(ValueReview::field, ValueReview::kind, ValueReview::state)
                .containsExactlyInAnyOrder(tuple("subscribers", "HELD", "OPEN"), tuple("errPct", "HELD", "OPEN"));
        ValueReview subscribers = held.stream().filter(r -> r.field().equals("subscribers")).findFirst().orElseThrow();
        assertThat(subscribers.proposed()).isEqualByComparingTo("3039296");
        assertThat(subscribers.currentValue()).isEqualByComparingTo("303929");
        ValueReview err = held.stream().filter(r -> r.field().equals("errPct")).findFirst().orElseThrow();

        assertThat(reviews.decide(id, subscribers.id(), true, "admin@test", Instant.now())).isTrue();
        assertThat(reviews.decide(id, err.id(), false, "admin@test", Instant.now())).isTrue();
        assertThat(reviews.decide(id, err.id(), true, "admin@test", Instant.now())).isFalse();

        row = channel(id);
        assertThat(row.get("subscribers")).isEqualTo(3_039_296L);
        assertThat((BigDecimal) row.get("err_pct")).isEqualByComparingTo("7.5");
        assertThat(reviews.find(subscribers.id()).orElseThrow().state()).isEqualTo("CONFIRMED");
        assertThat(reviews.find(err.id()).orElseThrow().decidedBy()).isEqualTo("admin@test");
        assertThat(reviews.find(err.id()).orElseThrow().state()).isEqualTo("REJECTED");
    }
}
