package io.chanmarket.parsers.tgstat;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.fetch.Page;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.LabelMarker;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API parser against TGStat's documented replies (channels/get, channels/stat, errors). */
class TgstatApiParserTest {

    private final TgstatApiParser parser = new TgstatApiParser(JsonMapper.createDefault());

    @Test
    void readsStatsOfALargeChannel() {
        ChannelStats stats = parser.stats(node("tgstat/api/channels_get.no_restrictions.json"),
                node("tgstat/api/channels_stat.json"));

        assertThat(stats.title()).isEqualTo("Медуза — LIVE");
        assertThat(stats.username()).isEqualTo("meduzalive");
        assertThat(stats.tgLink()).isEqualTo("https://t.me/meduzalive");
        assertThat(stats.logoUrl())
                .isEqualTo("https://static1.tgstat.ru/channels/_0/ad/ad61ab143223efbc24c7d2583be69251.jpg");
        assertThat(stats.category()).isEqualTo("Новости и СМИ");
        assertThat(stats.language()).isEqualTo("Русский");
        assertThat(stats.subscribers()).isEqualTo(2_048_184L);
        assertThat(stats.avgReach()).isEqualTo(541_540L);
        assertThat(stats.adReach12h()).isEqualTo(475_712L);
        assertThat(stats.adReach24h()).isEqualTo(554_476L);
        assertThat(stats.adReach48h()).isEqualTo(580_952L);
        assertThat(stats.errPct()).isEqualByComparingTo("26.4");
        assertThat(stats.err24Pct()).isEqualByComparingTo("25.2");
        assertThat(stats.erPct()).isEqualByComparingTo("11.11");
        assertThat(stats.citationIndex()).isEqualByComparingTo("8737.68");
        assertThat(stats.mentions()).isEqualTo(171_477L);
        assertThat(stats.forwards()).isEqualTo(472_536L);
        assertThat(stats.mentioningChannels()).isEqualTo(18_740L);
        assertThat(stats.postsCount()).isEqualTo(53_500L);
        assertThat(stats.redLabel()).isFalse();
        assertThat(stats.blackLabel()).isFalse();
        assertThat(stats.labelsRead()).isTrue();
        assertThat(stats.markers()).isEmpty();
    }

    @Test
    void restrictionsAsAnObjectSetTheLabels() {
        ChannelStats stats = parser.stats(node("tgstat/api/channels_get.json"),
                node("tgstat/api/channels_stat.small_channel_nulls.json"));

        assertThat(stats.redLabel()).isTrue();
        assertThat(stats.blackLabel()).isTrue();
        assertThat(stats.markers()).containsExactly(
                new LabelMarker(LabelMarker.Kind.RED, "red_label = true", "api:tgstat_restrictions.red_label"),
                new LabelMarker(LabelMarker.Kind.BLACK, "black_label = true", "api:tgstat_restrictions.black_label"));
    }

    @Test
    void anUnknownRestrictionIsRecordedAndAFalseOneIsNoMarker() {
        // Edit of the documented reply: red_label false, and a flag we do not know.
        JsonNode channel = json("{\"title\":\"x\",\"tgstat_restrictions\":{\"red_label\":false,"
                + "\"black_label\":false,\"spam_label\":true}}");

        ChannelStats stats = parser.stats(channel, node("tgstat/api/channels_stat.small_channel_nulls.json"));

        assertThat(stats.redLabel()).isFalse();
        assertThat(stats.blackLabel()).isFalse();
        assertThat(stats.markers()).containsExactly(
                new LabelMarker(LabelMarker.Kind.UNKNOWN, "spam_label = true", "api:tgstat_restrictions.spam_label"));
    }

    @Test
    void withoutTgstatRestrictionsTheLabelsAreUnknownNotCleared() {
        ChannelStats stats = parser.stats(json("{\"title\":\"x\"}"),
                node("tgstat/api/channels_stat.small_channel_nulls.json"));

        assertThat(stats.labelsRead()).isFalse();
        assertThat(stats.redLabel()).isFalse();
    }

    @Test
    void nullsOfASmallChannelStayNull() {
        ChannelStats stats = parser.stats(node("tgstat/api/channels_get.no_restrictions.json"),
                node("tgstat/api/channels_stat.small_channel_nulls.json"));

        assertThat(stats.subscribers()).isEqualTo(197L);
        assertThat(stats.avgReach()).isEqualTo(95L);
        assertThat(stats.adReach12h()).isNull();
        assertThat(stats.adReach24h()).isNull();
        assertThat(stats.adReach48h()).isEqualTo(91L);
        assertThat(stats.citationIndex()).isNull();
        assertThat(stats.err24Pct()).isNull();
        assertThat(stats.erPct()).isNull();
        assertThat(stats.postsCount()).isNull();
        assertThat(stats.mentions()).isZero();
    }

    @Test
    void theErrorEnvelopeIsClassifiedByItsWords() {
        assertThat(parser.response(page("{\"status\":\"error\",\"error\":\"channel_not_found\"}")).status())
                .isEqualTo(ResultStatus.NOT_FOUND);
        assertThat(parser.response(page("{\"status\":\"error\",\"error\":\"Requests limit exceeded\"}")).status())
                .isEqualTo(ResultStatus.RATE_LIMITED);
        assertThat(parser.response(page("{\"status\":\"error\",\"error\":\"Token is invalid\"}")))
                .isEqualTo(ParseResult.failed(ResultStatus.REFUSED, "TGStat API: Token is invalid"));
        assertThat(parser
                .response(new Page(200, Fixtures.bytes("tgstat/api/error.shape.json"), null, Instant.now(), false))
                .status()).isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void theRobotCheckAndNonJsonRepliesAreNotData() {
        assertThat(
                parser.response(new Page(200, Fixtures.bytes("tgstat/restricted_429.json"), null, Instant.now(), false))
                        .status()).isEqualTo(ResultStatus.RATE_LIMITED);
        assertThat(parser.response(page("<html>maintenance</html>")).status()).isEqualTo(ResultStatus.LAYOUT_CHANGED);
        assertThat(parser.response(new Page(401, new byte[0], null, Instant.now(), false)).status())
                .isEqualTo(ResultStatus.REFUSED);
    }

    private JsonNode node(String path) {
        ParseResult<JsonNode> result = parser.response(new Page(200, Fixtures.bytes(path), null, Instant.now(), false));
        return ((ParseResult.Ok<JsonNode>) result).values();
    }

    private JsonNode json(String response) {
        ParseResult<JsonNode> result = parser.response(page("{\"status\":\"ok\",\"response\":" + response + "}"));
        return ((ParseResult.Ok<JsonNode>) result).values();
    }

    private static Page page(String body) {
        return new Page(200, body.getBytes(StandardCharsets.UTF_8), "UTF-8", Instant.now(), false);
    }
}
