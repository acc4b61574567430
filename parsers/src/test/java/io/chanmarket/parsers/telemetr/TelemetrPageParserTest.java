package io.chanmarket.parsers.telemetr;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.result.AudienceStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.Refusal;
import io.chanmarket.parsers.result.ResultStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Telemetr parser against a HAND-MADE page (no real Telemetr page is stored): the layout third-party scrapers
 * describe, with apostrophe thousands and a decimal comma. Each test below states its one edit of that page.
 */
class TelemetrPageParserTest {

    private static final String PAGE = Fixtures.text("telemetr/channel_rian_ru.html");

    private final TelemetrPageParser parser = new TelemetrPageParser();

    private AudienceStats ok(String page) {
        ParseResult<AudienceStats> result = parser.parse(page.getBytes(StandardCharsets.UTF_8), "UTF-8");
        assertThat(result).isInstanceOf(ParseResult.Ok.class);
        return ((ParseResult.Ok<AudienceStats>) result).values();
    }

    @Test
    void readsSubscribersViewsErDailyErGenderAndLanguage() {
        ParseResult<AudienceStats> result = parser.parse(Fixtures.bytes("telemetr/channel_rian_ru.html"), null);

        assertThat(result)
                .isEqualTo(ParseResult.ok(new AudienceStats("РИА Новости", 3_039_296L, 208_410L, new BigDecimal("0.91"),
                        new BigDecimal("0.74"), new BigDecimal("58.4"), new BigDecimal("41.6"), "Русский", List.of())));
    }

    @Test
    void theDailyFigureIsAPercentageAndACountThereIsRefusedNotReadAsReach() {
        // Edit: «Суточный» shows a count instead of a percentage.
        AudienceStats stats = ok(PAGE.replace("0,74%", "12'604'000"));

        assertThat(stats.erDailyPct()).isNull();
        assertThat(stats.refused()).containsExactly(new Refusal("erDailyPct", "12'604'000",
                "«Суточный» is a daily ER percentage; '12'604'000' is not a percentage"));
        assertThat(stats.erPct()).isEqualByComparingTo("0.91");
    }

    @Test
    void genderWordsInTheDescriptionAreNotTheGenderSplit() {
        // Edit: the description speaks of men and women with percentages; the gender block is unchanged.
        String page = PAGE.replace("Главные новости России и мира — оперативно и достоверно.",
                "Канал для мужчин: 100% пользы. Женщинам 0% рекламы. Male 99%, female 1%.");

        AudienceStats stats = ok(page);

        assertThat(stats.genderMalePct()).isEqualByComparingTo("58.4");
        assertThat(stats.genderFemalePct()).isEqualByComparingTo("41.6");
    }

    @Test
    void withoutTheGenderBlockGenderIsUnknownWhateverTheDescriptionSays() {
        // Edit: the gender block removed, the description speaks of men with a percentage.
        String page = PAGE
                .replaceAll("(?s)<div class=\"kt-portlet\" data-section=\"gender\">.*?</div>\\s*</div>\\s*</div>", "")
                .replace("Главные новости России и мира — оперативно и достоверно.", "Для мужчин: 100%");

        AudienceStats stats = ok(page);

        assertThat(page).doesNotContain("data-section=\"gender\"");
        assertThat(stats.genderMalePct()).isNull();
        assertThat(stats.genderFemalePct()).isNull();
    }

    @Test
    void englishLabelsWithFemaleFirstNeverReadFemaleAsMale() {
        // Edit: the English site's labels; the female row comes first.
        String page = PAGE.replace("<html lang=\"ru\">", "<html lang=\"en\">").replace("Подписчиков", "Subscribers")
                .replace("Просмотров на пост", "Views per post").replace(">Суточный<", ">Daily<")
                .replace("Пол аудитории", "Gender")
                .replace(
                        "<div><span>Мужчины</span> <b>58.4%</b></div>\n    <div><span>Женщины</span> <b>41.6%</b></div>",
                        "<div><span>Female</span> <b>41.6%</b></div>\n    <div><span>Male</span> <b>58.4%</b></div>")
                .replace("0,74%", "0.74%").replace("0,91%", "0.91%");

        AudienceStats stats = ok(page);

        assertThat(page).contains("<span>Female</span>");
        assertThat(stats).isEqualTo(new AudienceStats("РИА Новости", 3_039_296L, 208_410L, new BigDecimal("0.91"),
                new BigDecimal("0.74"), new BigDecimal("58.4"), new BigDecimal("41.6"), "Русский", List.of()));
    }

    @Test
    void aLabelAndItsValueInOneElementAreRead() {
        // Edit: each gender row is one element, "Мужчины: 58,4%".
        String page = PAGE.replace("<div><span>Мужчины</span> <b>58.4%</b></div>", "<div>Мужчины: 58,4%</div>")
                .replace("<div><span>Женщины</span> <b>41.6%</b></div>", "<div>Женщины: 41,6%</div>");

        AudienceStats stats = ok(page);

        assertThat(stats.genderMalePct()).isEqualByComparingTo("58.4");
        assertThat(stats.genderFemalePct()).isEqualByComparingTo("41.6");
    }

    @Test
    void aNotFoundPhraseInTheDescriptionIsNoStatus() {
        // Edit: the description says "Канал не найден".
        AudienceStats stats = ok(PAGE.replace("Главные новости России и мира — оперативно и достоверно.",
                "Канал не найден? Ищите нас в поиске."));

        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void withoutTheSubscriberCountTheLayoutHasChanged() {
        String page = PAGE.replace("data-num=\"participants\"", "").replace("Подписчиков", "Читателей");

        assertThat(parser.parse(page.getBytes(StandardCharsets.UTF_8), "UTF-8").status())
                .isEqualTo(ResultStatus.LAYOUT_CHANGED);
    }

    @Test
    void missingGenderAndLanguageAreNullNotZero() {
        String page = PAGE.replaceAll("(?s)<div class=\"kt-portlet\" data-section.*</table>\\s*</div>", "");

        AudienceStats stats = ok(page);

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
