package io.chanmarket.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartPayloadTest {

    @Test
    void channelAndCategoryPayloadsNameTheirIds() {
        assertThat(StartPayload.parse("ch_42")).isEqualTo(new StartPayload.Channel(42));
        assertThat(StartPayload.parse("cat_7")).isEqualTo(new StartPayload.Category(7));
    }

    @Test
    void comparePayloadsNameTwoToFourChannels() {
        assertThat(StartPayload.parse("cmp_1_2")).isEqualTo(new StartPayload.Compare(java.util.List.of(1L, 2L)));
        assertThat(StartPayload.parse("cmp_4_3_2_1"))
                .isEqualTo(new StartPayload.Compare(java.util.List.of(4L, 3L, 2L, 1L)));
        assertThat(StartPayload.parse("cmp_1")).isInstanceOf(StartPayload.Malformed.class);
        assertThat(StartPayload.parse("cmp_1_2_3_4_5")).isInstanceOf(StartPayload.Malformed.class);
        assertThat(StartPayload.parse("cmp_a_b")).isInstanceOf(StartPayload.Malformed.class);
    }

    @Test
    void pagePayloadsGiveTheMiniAppTheirStartParameter() {
        assertThat(((StartPayload.Page) StartPayload.parse("ch_42")).startParam()).isEqualTo("ch_42");
        assertThat(((StartPayload.Page) StartPayload.parse("cat_7")).startParam()).isEqualTo("cat_7");
        assertThat(((StartPayload.Page) StartPayload.parse("cmp_3_1_3")).startParam()).isEqualTo("cmp_3_1");
        assertThat(StartPayload.appLink("chanbot", "ch_42")).isEqualTo("https://t.me/chanbot?startapp=ch_42");
    }

    @Test
    void otherAllowedPayloadsAreTrackedLinkCodes() {
        assertThat(StartPayload.parse("lk12_ab34cd")).isEqualTo(new StartPayload.LinkCode("lk12_ab34cd"));
        assertThat(StartPayload.parse("promo-2026")).isEqualTo(new StartPayload.LinkCode("promo-2026"));
    }

    @Test
    void noPayloadIsAPlainOpen() {
        assertThat(StartPayload.parse(null)).isInstanceOf(StartPayload.None.class);
        assertThat(StartPayload.parse("")).isInstanceOf(StartPayload.None.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ch_", "ch_abc", "cat_-1", "ch_1234567890123456789", "has space", "x/y", "ch_1'--",
            "привет", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    void malformedPayloadsAreRecognised(String raw) {
        assertThat(StartPayload.parse(raw)).isInstanceOf(StartPayload.Malformed.class);
    }
}
