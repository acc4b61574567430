package io.chanmarket.parsers.tgstat;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.LabelMarker;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.Refusal;
import io.chanmarket.parsers.result.ResultStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * One rule per test, each on the real @rian_ru stat page with one stated edit (the edits reproduce markup third-party
 * scrapers match on live TGStat, or text a channel owner controls), and the exact values expected.
 */
public class TgstatPageRulesTest {

    /** The real page's verified-owner marker, the slot a label marker shares (over the logo). */
    static final String VERIFIED_MARKER = "<img src=\"/public/images/verified.png\" style=\"max-width:50px;"
            + " max-height:50px;\"  title=\"\" data-toggle=\"tooltip\" data-placement=\"top\""
            + " data-original-title=\"У канала есть подтвержденный владелец на TGStat\">";
    /** The red-label marker as scrapers find it on live TGStat: an image whose tooltip reads this. */
    public static final String RED_TEXT = "Канал заподозрен в использовании методов нечестного продвижения";
    static final String DESCRIPTION_SLOT = "<p class=\"card-text mt-3\">";

    private final TgstatPageParser parser = new TgstatPageParser();

    public static String withMarker(String page, String src, String tooltip) {
        String marker = "<span class=\"position-absolute\" style=\"top:5%; right:5%; z-index: 1\"><img src=\"" + src
                + "\" style=\"max-width:50px;\" title=\"\" data-toggle=\"tooltip\" data-placement=\"top\""
                + " data-original-title=\"" + tooltip + "\"></span>";
        String edited = page.replace(VERIFIED_MARKER, VERIFIED_MARKER + "</span>" + marker + "<span>");
        assertThat(edited).as("the marker slot of the real page").isNotEqualTo(page);
        return edited;
    }

    public static String withDescription(String page, String description) {
        String edited = page.replace(DESCRIPTION_SLOT, DESCRIPTION_SLOT + description);
        assertThat(edited).isNotEqualTo(page);
        return edited;
    }

    private ChannelStats ok(String page) {
        ParseResult<ChannelStats> result = parser.parse(page);
        assertThat(result).as(result.toString()).isInstanceOf(ParseResult.Ok.class);
        return ((ParseResult.Ok<ChannelStats>) result).values();
    }

    // ---- labels from the marker, never from words

    @Test
    void wordsOfFraudInTheDescriptionAndTitleAreNoLabel() {
        // Edit: an anti-fraud channel's description and title name «накрутка», «скам», «мошенничество», «красная
        // метка».
        String page = withDescription(Fixtures.rianStatPage(),
                "Разоблачаем накрутку и скам: мошенничество, черная метка, красная метка, red label.")
                        .replace("РИА Новости\n", "Антискам: накрутка и мошенничество\n");

        ChannelStats stats = ok(page);

        assertThat(stats.title()).isEqualTo("Антискам: накрутка и мошенничество");
        assertThat(stats.redLabel()).isFalse();
        assertThat(stats.blackLabel()).isFalse();
        assertThat(stats.markers()).extracting(LabelMarker::kind).containsExactly(LabelMarker.Kind.INFO);
    }

    @Test
    void theRedMarkerImageIsARedLabelWithItsEvidence() {
        // Edit: the red-label marker image next to the verified-owner marker.
        ChannelStats stats = ok(withMarker(Fixtures.rianStatPage(), "/public/images/red-label.png", RED_TEXT));

        assertThat(stats.redLabel()).isTrue();
        assertThat(stats.blackLabel()).isFalse();
        assertThat(stats.markers()).containsExactly(
                new LabelMarker(LabelMarker.Kind.INFO, "У канала есть подтвержденный владелец на TGStat",
                        "img[src=/public/images/verified.png]"),
                new LabelMarker(LabelMarker.Kind.RED, RED_TEXT, "img[src=/public/images/red-label.png]"));
        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void aScamMarkerIsABlackLabel() {
        // Edit: a marker whose tooltip speaks of fraud (the exact live wording is not known to us).
        ChannelStats stats = ok(
                withMarker(Fixtures.rianStatPage(), "/public/images/black-label.png", "Канал замечен в мошенничестве"));

        assertThat(stats.blackLabel()).isTrue();
        assertThat(stats.redLabel()).isFalse();
    }

    @Test
    void aMarkerWithUnknownTextIsRecordedAndHidesNothing() {
        // Edit: a marker whose tooltip we do not know.
        ChannelStats stats = ok(
                withMarker(Fixtures.rianStatPage(), "/public/images/partner.png", "Партнёр программы TGStat Agency"));

        assertThat(stats.redLabel()).isFalse();
        assertThat(stats.blackLabel()).isFalse();
        assertThat(stats.markers()).contains(new LabelMarker(LabelMarker.Kind.UNKNOWN,
                "Партнёр программы TGStat Agency", "img[src=/public/images/partner.png]"));
    }

    @Test
    void aMarkerInsideTheDescriptionIsNoMarker() {
        // Edit: the description holds an element with the red-label tooltip (a description cannot set a label).
        ChannelStats stats = ok(withDescription(Fixtures.rianStatPage(),
                "<span data-original-title=\"" + RED_TEXT + "\">наш канал чист</span>"));

        assertThat(stats.redLabel()).isFalse();
    }

    @Test
    void englishMarkerTextsAreKnownToo() {
        // Edit: the English page's red-label marker.
        ChannelStats stats = ok(withMarker(Fixtures.rianStatPage().replace("<html lang=\"ru\"", "<html lang=\"en\""),
                "/public/images/red-label.png", "The channel is suspected of using unfair promotion methods"));

        assertThat(stats.redLabel()).isTrue();
    }

    @Test
    void theChannelLinkIsTheHeaderCardsNotTheFootersFirstTelegramLink() {
        // Edit: the untrimmed capture's footer block of TGStat's own channels, moved above the header card.
        String page = Fixtures.rianStatPage().replace("<div class=\"wrapper\">",
                "<div class=\"h4 mt-3\">Наши каналы</div><div class=\"navbar-nav\"><a href=\"https://t.me/TGStat\""
                        + " target=\"_blank\" class=\"nav-link pt-0 pb-1\">@TGStat</a></div><div class=\"wrapper\">");

        ChannelStats stats = ok(page);

        assertThat(stats.username()).isEqualTo("rian_ru");
        assertThat(stats.tgLink()).isEqualTo("https://t.me/rian_ru");
    }

    // ---- status from the status element, not from words

    @Test
    void statusPhrasesInTheDescriptionAreNoStatus() {
        // Edit: the description says «канал заблокирован», «доступ ограничен», «канал не найден».
        ChannelStats stats = ok(withDescription(Fixtures.rianStatPage(),
                "Канал заблокирован? Доступ ограничен? Канал не найден? Подозрение на робота? Читайте нас тут."));

        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
    }

    @Test
    void aStatusPhraseAsTheChannelTitleIsNoStatus() {
        // Edit: the channel is called «Канал не найден».
        ChannelStats stats = ok(Fixtures.rianStatPage().replace("РИА Новости\n", "Канал не найден\n"));

        assertThat(stats.title()).isEqualTo("Канал не найден");
    }

    @Test
    void aShownModalTitledAccessRestrictedIsTheStatus() {
        // Edit: TGStat's modal, shown over the page, titled «Доступ ограничен».
        String page = Fixtures.rianStatPage().replace("<div class=\"wrapper\">",
                "<div class=\"modal fade show\" style=\"display: block\"><div class=\"modal-header\">"
                        + "<h4 class=\"modal-title\">Доступ ограничен</h4></div></div><div class=\"wrapper\">");

        assertThat(parser.parse(page)).isEqualTo(ParseResult.failed(ResultStatus.RESTRICTED,
                "TGStat: access to the channel is restricted ('Доступ ограничен')"));
    }

    @Test
    void aHiddenModalIsNoStatus() {
        // Edit: the same modal, not shown.
        String page = Fixtures.rianStatPage().replace("<div class=\"wrapper\">",
                "<div class=\"modal fade\"><h4 class=\"modal-title\">Канал не найден</h4></div><div class=\"wrapper\">");

        assertThat(ok(page).subscribers()).isEqualTo(3_039_296L);
    }

    // ---- numbers that refuse to guess

    @Test
    void commaAndDotGroupedNumbersAreReadWhole() {
        // Edit: subscribers grouped by commas, avg reach by dots, mentions by apostrophes.
        ChannelStats stats = ok(Fixtures.rianStatPage().replace("3 039 296", "3,039,296").replace("211 798", "211.798")
                .replace("1 071 305", "1'071'305"));

        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
        assertThat(stats.avgReach()).isEqualTo(211_798L);
        assertThat(stats.mentions()).isEqualTo(1_071_305L);
        assertThat(stats.refused()).isEmpty();
    }

    @Test
    void anEnglishPageWithoutADeclaredLanguageReadsCommasAsGroupingByItsLabels() {
        // Edit: the English edit below, with <html lang="en"> dropped.
        ChannelStats stats = ok(
                english(Fixtures.rianStatPage()).replace("<html lang=\"en\" class=\"  site-ru\">", "<html>"));

        assertThat(stats.citationIndex()).isEqualByComparingTo("20200");
        assertThat(stats.refused()).isEmpty();
    }

    @Test
    void anAmbiguousNumberIsRefusedAndTheRestIsRead() {
        // Edit: no declared language (<html> without lang) and the citation index as «20,200». Its Russian labels make
        // it a Russian page, where a comma neither groups nor marks decimals: both readings stay possible.
        String page = Fixtures.rianStatPage().replace("<html lang=\"ru\" class=\"  site-ru\">", "<html>")
                .replace("<h2 class=\"text-dark\">20 200</h2>", "<h2 class=\"text-dark\">20,200</h2>");

        ChannelStats stats = ok(page);
        assertThat(TgstatPageParser.convention(org.jsoup.Jsoup.parse(page),
                java.util.Map.of(TgstatPageParser.Card.SUBSCRIBERS,
                        org.jsoup.Jsoup.parse(page).select("div.card.card-body.position-relative").first())))
                                .isEqualTo(io.chanmarket.parsers.text.Numbers.Convention.RU);

        assertThat(stats.citationIndex()).isNull();
        assertThat(stats.refused())
                .containsExactly(new Refusal("citationIndex", "20,200", "ambiguous: '20,200' reads as 20200 or 20.2"));
        assertThat(stats.isRefused("citationIndex")).isTrue();
        assertThat(stats.subscribers()).isEqualTo(3_039_296L);
        assertThat(stats.mentions()).isEqualTo(1_071_305L);
    }

    @Test
    void multipliersAndApproximateMarksAreRead() {
        // Edit: ad reach rows as «1,5 млн», «≈ 1 200», «1,2 тыс.»; reactions card untouched.
        ChannelStats stats = ok(Fixtures.rianStatPage().replace(">162.5k<", ">1,5 млн<")
                .replace(">198.5k<", ">≈ 1 200<").replace(">228.7k<", ">1,2 тыс.<"));

        assertThat(stats.adReach12h()).isEqualTo(1_500_000L);
        assertThat(stats.adReach48h()).isEqualTo(1_200L);
        assertThat(stats.adReach24h()).isEqualTo(198_511L);
    }

    @Test
    void percentagesWithADecimalCommaAreRead() {
        // Edit: ERR24 as «6,5%» and ER as «0,86%».
        ChannelStats stats = ok(Fixtures.rianStatPage().replace("6.5%", "6,5%").replace("0.86%", "0,86%"));

        assertThat(stats.err24Pct()).isEqualByComparingTo("6.5");
        assertThat(stats.erPct()).isEqualByComparingTo("0.86");
    }

    // ---- the English page

    @Test
    void theEnglishPageIsReadWithTheSameExactness() {
        // Edit: every label in English (tgstat.com/en), numbers in the English grouping, <html lang="en">.
        String page = english(Fixtures.rianStatPage());

        ChannelStats stats = ok(page);

        assertThat(stats.title()).isEqualTo("РИА Новости");
        assertThat(stats.category()).isEqualTo("News and Media");
        assertThat(stats.country()).isEqualTo("Russia");
        assertThat(stats.language()).isEqualTo("Russian");
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
        assertThat(stats.missingCards()).isEmpty();
        assertThat(stats.refused()).isEmpty();
        assertThat(stats.series()).hasSize(6);
    }

    /** The English edit of the real page: labels, geo and category, English number grouping, lang="en". */
    static String english(String ru) {
        String[][] swaps = { { "<html lang=\"ru\"", "<html lang=\"en\"" },
                { "Гео и язык канала                        <i", "Channel geo and language                        <i" },
                { "Россия,\n                    Русский                </div>",
                        "Russia,\n                    Russian                </div>" },
                { "Категория                        <i", "Category                        <i" },
                { "<a href=\"/news\"> Новости и СМИ </a>\n                                    </div>",
                        "<a href=\"/news\"> News and Media </a>\n                                    </div>" },
                { "3 039 296", "3,039,296" }, { "-4 107", "-4,107" }, { "+19 623", "+19,623" }, { "сегодня", "today" },
                { "за неделю", "this week" }, { "за месяц", "this month" },
                { "подписчики    </div>", "subscribers    </div>" }, { "20 200", "20,200" }, { "47 739", "47,739" },
                { "1 071 305", "1,071,305" }, { "1 602 224", "1,602,224" }, { "уп. каналов", "mentioning channels" },
                { "упоминаний", "mentions" }, { "репостов", "reposts" },
                { "индекс цитирования    </div>", "citation index    </div>" }, { "211 798", "211,798" },
                { "<div class=\"text-right\">средний охват</div>", "<div class=\"text-right\">average post</div>" },
                { "<div class=\"text-right\">1 публикации</div>", "<div class=\"text-right\">reach</div>" },
                { "198 511", "198,511" }, { "за 12 часов", "in 12 hours" }, { "за 24 часа", "in 24 hours" },
                { "за 48 часов", "in 48 hours" }, { "средний рекламный        </div>", "average ad        </div>" },
                { "охват 1 публикации        </div>", "reach per post        </div>" },
                { "9 лет 7 месяцев", "9 years 7 months" }, { "канал создан", "channel created" },
                { "добавлен в TGStat", "added to TGStat" },
                { "возраст канала        </div>", "channel age        </div>" },
                { "344 941        <span", "344,941        <span" }, { "всего        </span>", "total        </span>" },
                { "вчера", "yesterday" }, { "публикации    </div>", "posts    </div>" },
                { "вовлеченность подписчиков (ERR)", "subscriber engagement (ERR)" },
                { "вовлеченность <br> подписчиков (ER)", "subscriber <br> engagement (ER)" } };
        String page = ru;
        for (String[] swap : swaps) {
            String next = page.replace(swap[0], swap[1]);
            assertThat(next).as("edit " + swap[0]).isNotEqualTo(page);
            page = next;
        }
        return page;
    }
}
