package io.chanmarket.parsers.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.catalog.metrics.MetricSnapshot;
import io.chanmarket.core.catalog.metrics.MetricSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningHeuristicsTest {

    private static final Instant TODAY = Instant.parse("2026-09-29T10:00:00Z");

    /** A day's fetch, {@code daysAgo} before today. */
    private static MetricSnapshot day(int daysAgo, long subscribers, long reach, String err, String er) {
        return new MetricSnapshot(MetricSource.TGSTAT_HTML, TODAY.minus(daysAgo, ChronoUnit.DAYS), subscribers, reach,
                null, new BigDecimal(err), null, new BigDecimal(er), null, null);
    }

    private static List<String> codes(List<MetricSnapshot> history) {
        return WarningHeuristics.evaluate(history).stream().map(Warning::code).toList();
    }

    @Test
    void aHealthyNewsChannelRaisesNothing() {
        assertThat(codes(List.of(day(0, 3_039_296, 211_798, "7", "0.86"), day(1, 3_039_649, 211_662, "7", "0.61"),
                day(2, 3_040_451, 212_370, "7", "0.63")))).isEmpty();
    }

    @Test
    void reachBelowThreePercentOfSubscribers() {
        assertThat(codes(List.of(day(0, 100_000, 2_000, "2", "1")))).containsExactly("LOW_REACH");
    }

    @Test
    void highErrWhileSubscribersFall() {
        assertThat(codes(List.of(day(0, 90_000, 27_000, "30", "2"), day(5, 100_000, 28_000, "28", "2"))))
                .containsExactly("HIGH_ERR_FALLING_SUBSCRIBERS");
    }

    @Test
    void highErrWithAlmostNoEngagement() {
        assertThat(codes(List.of(day(0, 50_000, 20_000, "40", "0.1")))).containsExactly("HIGH_ERR_LOW_ER");
    }

    @Test
    void aSuddenSubscriberJump() {
        assertThat(codes(List.of(day(0, 30_000, 6_000, "20", "2"), day(1, 20_000, 5_000, "20", "2"))))
                .containsExactly("SUBSCRIBER_JUMP");
    }

    @Test
    void reachThatNeverMoves() {
        List<MetricSnapshot> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(day(i, 40_000, 8_000 + (i % 2), "20", "2"));
        }
        assertThat(codes(history)).containsExactly("EVEN_REACH");
    }

    @Test
    void noHistoryNoWarnings() {
        assertThat(codes(List.of())).isEmpty();
    }
}
