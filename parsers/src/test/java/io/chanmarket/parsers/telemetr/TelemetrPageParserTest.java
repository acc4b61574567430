package io.chanmarket.parsers.telemetr;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.result.AudienceStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Telemetr parser against a HAND-MADE page (no real Telemetr page is stored): the layout third-party scrapers
 * describe, with apostrophe thousands and a decimal comma.
 */
class TelemetrPageParserTest {

    private final TelemetrPageParser parser = new TelemetrPageParser();

    @Test
    void readsSubscribersViewsErGenderAndLanguage() {
        ParseResult<AudienceStats> result = parser.parse(Fixtures.bytes("telemetr/channel_rian_ru.html"), null);

        assertThat(result).isEqualTo(
                ParseResult.ok(new AudienceStats("РИА Новости", 3_039_296L, 208_410L, new java.math.BigDecimal("0.91"),
                        12_604_000L, new java.math.BigDecimal("58.4"), new java.math.BigDecimal("41.6"), "Русский")));
    }

    @Test
    void withoutTheSubscriberCountTheLayoutHasChanged() {
        String page = Fixtures.text("telemetr/channel_rian_ru.html").replace("data-num=\"participants\"", "")
                .replace("Подписчиков", "Subscribers");

        assertThat(parser.parse(page.getBytes(StandardCharsets.UTF_8), "UTF-8").status())
                .isEqualTo(ResultStatus.LAYOUT_CHANGED);
    }

    @Test
    void missingGenderAndLanguageAreNullNotZero() {
        String page = Fixtures.text("telemetr/channel_rian_ru.html")
                .replaceAll("(?s)<div class=\"kt-portlet\" data-section.*</table>\\s*</div>", "");

        AudienceStats stats = ((ParseResult.Ok<AudienceStats>) parser.parse(page.getBytes(StandardCharsets.UTF_8),
                "UTF-8")).values();

        assertThat(stats.genderMalePct()).isNull();
        assertThat(stats.language()).isNull();
        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void notFoundAndCaptchaPagesAreClassified() {
        byte[] notFound = "<html><body><h1>Канал не найден</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] captcha = "<html><body><div class=\"g-recaptcha\"></div></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(notFound, "UTF-8").status()).isEqualTo(ResultStatus.NOT_FOUND);
        assertThat(parser.parse(captcha, "UTF-8").status()).isEqualTo(ResultStatus.RATE_LIMITED);
        assertThat(parser.parse(new byte[0], null).status()).isEqualTo(ResultStatus.LAYOUT_CHANGED);
    }
}
