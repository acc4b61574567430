package io.chanmarket.parsers.tgstat;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.LabelMarker;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.parsers.result.Series;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The parser against the real stat page of @rian_ru, and against variants of it made in these tests (missing and
 * renamed cards, "no data" dashes, encodings, size) and hand-made not-found / banned pages.
 */
class TgstatPageParserTest {

    private final TgstatPageParser parser = new TgstatPageParser();

    @Test
    void readsEveryCardOfTheRealStatPage() {
        ChannelStats stats = ok(parser.parse(Fixtures.bytes("tgstat/channel_stat_rian_ru.html"), null));

        assertThat(stats.title()).isEqualTo("РИА Новости");
        assertThat(stats.verified()).isTrue();
        assertThat(stats.username()).isEqualTo("rian_ru");
        assertThat(stats.tgLink()).isEqualTo("https://t.me/rian_ru");
        assertThat(stats.logoUrl())
                .isEqualTo("https://static2.tgstat.ru/channels/_0/5e/5ef059938ba799aaa845e1c2e8a762bd.jpg");
        assertThat(stats.category()).isEqualTo("Новости и СМИ");
        assertThat(stats.country()).isEqualTo("Россия");
        assertThat(stats.language()).isEqualTo("Русский");

        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
        assertThat(stats.subscribersDay()).isEqualTo(-353L);
        assertThat(stats.subscribersWeek()).isEqualTo(-4_107L);
        assertThat(stats.subscribersMonth()).isEqualTo(19_623L);
        assertThat(stats.citationIndex()).isEqualByComparingTo("20200");
        assertThat(stats.mentioningChannels()).isEqualTo(47_739L);
        assertThat(stats.mentions()).isEqualTo(1_071_305L);
        assertThat(stats.forwards()).isEqualTo(1_602_224L);
        assertThat(stats.avgReach()).isEqualTo(211_798L);
        assertThat(stats.errPct()).isEqualByComparingTo("7");
        assertThat(stats.err24Pct()).isEqualByComparingTo("6.5");
        assertThat(stats.adReach12h()).isEqualTo(162_500L);
        assertThat(stats.adReach24h()).isEqualTo(198_511L);
        assertThat(stats.adReach48h()).isEqualTo(228_700L);
        assertThat(stats.erPct()).isEqualByComparingTo("0.86");
        assertThat(stats.postsCount()).isEqualTo(344_941L);
        assertThat(stats.createdOn()).isEqualTo(LocalDate.of(2017, 2, 28));
        assertThat(stats.age()).isEqualTo("9 лет 7 месяцев");
        assertThat(stats.redLabel()).isFalse();
        assertThat(stats.blackLabel()).isFalse();
        assertThat(stats.genderMalePct()).isNull();
        assertThat(stats.missingCards()).isEmpty();
        assertThat(stats.labelsRead()).isTrue();
        assertThat(stats.markers()).containsExactly(new LabelMarker(LabelMarker.Kind.INFO,
                "У канала есть подтвержденный владелец на TGStat", "img[src=/public/images/verified.png]"));
        assertThat(stats.refused()).isEmpty();
    }

    @Test
    void readsTheThirtyDayChartsFromThePageScripts() {
        ChannelStats stats = ok(parser.parse(Fixtures.rianStatPage()));

        assertThat(stats.series()).containsOnlyKeys("participants", "ci", "reach", "adv-reach", "posts", "er-dynamics");
        Series participants = stats.series().get("participants");
        assertThat(participants.points()).hasSize(31);
        assertThat(participants.points().get(0))
                .isEqualTo(new Series.Point(LocalDate.of(2026, 8, 30), new BigDecimal("3019673")));
        assertThat(participants.points().get(30))
                .isEqualTo(new Series.Point(LocalDate.of(2026, 9, 29), new BigDecimal("3039296")));
        assertThat(stats.series().get("reach").points()).hasSize(30);
        assertThat(stats.series().get("adv-reach").points()).extracting(Series.Point::day).containsExactly(
                LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11),
                LocalDate.of(2026, 9, 17), LocalDate.of(2026, 9, 24));
        assertThat(stats.series().get("er-dynamics").points().get(22).value()).isEqualByComparingTo("4.34");
        assertThat(stats.series().get("ci").points().get(3).value()).isEqualByComparingTo("20170.3");
    }

    @Test
    void aDashIsNullNotZero() {
        String page = Fixtures.rianStatPage().replace("211 798", "—").replace("0.86%", "—");

        ChannelStats stats = ok(parser.parse(page));

        assertThat(stats.avgReach()).isNull();
        assertThat(stats.erPct()).isNull();
        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void readsTheUnicodeMinusAndNonBreakingSpaces() {
        String page = Fixtures.rianStatPage().replace("-353", "\u2212353").replace("3 039 296", "3\u00a0039\u00a0296");

        ChannelStats stats = ok(parser.parse(page));

        assertThat(stats.subscribersDay()).isEqualTo(-353L);
        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void aMissingRequiredCardIsALayoutChange() {
        String page = Fixtures.rianStatPage().replace("подписчики    </div>", "</div>");

        ParseResult<ChannelStats> result = parser.parse(page);

        assertThat(result).isEqualTo(ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "stat cards missing: подписчики"));
    }

    @Test
    void renamedLabelsAreALayoutChange() {
        String page = Fixtures.rianStatPage().replace("индекс цитирования", "цитируемость");

        assertThat(parser.parse(page).status()).isEqualTo(ResultStatus.LAYOUT_CHANGED);
    }

    @Test
    void aMissingOptionalCardIsReportedButTheRestIsRead() {
        String page = Fixtures.rianStatPage().replace("возраст канала", "");

        ChannelStats stats = ok(parser.parse(page));

        assertThat(stats.missingCards()).containsExactly("возраст канала");
        assertThat(stats.createdOn()).isNull();
        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void aValueThatIsNoNumberIsALayoutChangeNotAGuess() {
        String page = Fixtures.rianStatPage().replace("3 039 296", "много");

        ParseResult<ChannelStats> result = parser.parse(page);

        assertThat(result.status()).isEqualTo(ResultStatus.LAYOUT_CHANGED);
        assertThat(((ParseResult.Failed<ChannelStats>) result).reason()).contains("много");
    }

    @Test
    void handMadeNotFoundPage() {
        assertThat(parser.parse(Fixtures.bytes("tgstat/not_found.html"), null).status())
                .isEqualTo(ResultStatus.NOT_FOUND);
    }

    @Test
    void handMadeBannedPage() {
        assertThat(parser.parse(Fixtures.bytes("tgstat/banned.html"), null).status())
                .isEqualTo(ResultStatus.RESTRICTED);
    }

    @Test
    void theRealSuspectedRobotReplyIsRateLimiting() {
        assertThat(parser.parse(Fixtures.bytes("tgstat/restricted_429.json"), "UTF-8").status())
                .isEqualTo(ResultStatus.RATE_LIMITED);
    }

    @Test
    void aCloudflareChallengeIsRateLimiting() {
        String page = "<html><head><title>Just a moment...</title></head><body>"
                + "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>";

        assertThat(parser.parse(page).status()).isEqualTo(ResultStatus.RATE_LIMITED);
    }

    @Test
    void anEmptyPageIsALayoutChange() {
        assertThat(parser.parse(new byte[0], null))
                .isEqualTo(ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "empty page"));
        assertThat(parser.parse("<html><body></body></html>").status()).isEqualTo(ResultStatus.LAYOUT_CHANGED);
    }

    @Test
    void aHugePageStillParses() {
        String filler = "<div class=\"card\"><p>" + "реклама ".repeat(100) + "</p></div>\n";
        String page = Fixtures.rianStatPage().replace("</body>", filler.repeat(5_000) + "</body>");
        assertThat(page.length()).isGreaterThan(4_000_000);

        assertThat(ok(parser.parse(page)).subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void aPageInWindows1251IsDecodedFromItsMetaCharset() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] body = Fixtures.rianStatPage().replace("<meta charset=\"UTF-8\">", "<meta charset=\"windows-1251\">")
                .getBytes(cp1251);

        assertThat(ok(parser.parse(body, null)).title()).isEqualTo("РИА Новости");
        assertThat(ok(parser.parse(body, "windows-1251")).subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void aPageInTheWrongEncodingIsALayoutChangeNotGarbage() {
        byte[] body = Fixtures.rianStatPage().getBytes(Charset.forName("windows-1251"));

        assertThat(parser.parse(body, StandardCharsets.UTF_8.name()).status()).isEqualTo(ResultStatus.LAYOUT_CHANGED);
    }

    private static ChannelStats ok(ParseResult<ChannelStats> result) {
        assertThat(result).isInstanceOf(ParseResult.Ok.class);
        return ((ParseResult.Ok<ChannelStats>) result).values();
    }
}
