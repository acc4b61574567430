package io.chanmarket.parsers.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.catalog.metrics.StatField;
import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.tgstat.TgstatPageParser;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which values of the real @rian_ru page (3 039 296 subscribers, ERR 7%, ERR24 6.5%) are held back against a channel's
 * current values, and which values of the page edited to a given ERR are.
 */
class PlausibilityTest {

    private static final ChannelStats RIAN = ((ParseResult.Ok<ChannelStats>) new TgstatPageParser()
            .parse(Fixtures.rianStatPage())).values();

    @ParameterizedTest(name = "channel has {0} subscribers -> held: {1}")
    @CsvSource({ "303929, true", "303930, false", "3039296, false", "30392960, true", "30392959, false", "0, false",
            "50, true", "99, true", "1, true" })
    void subscribersTenTimesMoreOrFewerAreHeld(long current, boolean held) {
        boolean result = Plausibility.check(RIAN, Map.of(StatField.SUBSCRIBERS, BigDecimal.valueOf(current))).stream()
                .anyMatch(h -> h.field() == StatField.SUBSCRIBERS);

        assertThat(result).isEqualTo(held);
    }

    @ParameterizedTest(name = "ERR {0}% -> held: {1}")
    @CsvSource({ "7%, false", "100%, false", "100.01%, true", "250%, true" })
    void errOverAHundredPercentIsHeld(String err, boolean held) {
        // Edit of the real page: the ERR row of the reach card.
        String page = Fixtures.rianStatPage().replaceFirst("(?s)(<b class=\"text-dark mr-2\">\\s*)7%", "$1" + err);
        ChannelStats stats = ((ParseResult.Ok<ChannelStats>) new TgstatPageParser().parse(page)).values();

        assertThat(Plausibility.check(stats, Map.of()).stream().anyMatch(h -> h.field() == StatField.ERR_PCT))
                .isEqualTo(held);
    }

    @ParameterizedTest(name = "tiny channel {0} -> {1} subscribers: not held")
    @CsvSource({ "50, 600", "90, 999" })
    void tinyChannelsMayGrowTenfold(long current, long next) {
        assertThat(
                Plausibility.check(withSubscribers(next), Map.of(StatField.SUBSCRIBERS, BigDecimal.valueOf(current))))
                        .isEmpty();
    }

    private static ChannelStats withSubscribers(long n) {
        String page = Fixtures.rianStatPage().replace("3 039 296", String.valueOf(n));
        return ((ParseResult.Ok<ChannelStats>) new TgstatPageParser().parse(page)).values();
    }
}
