package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanmarket.core.catalog.channels.ChannelDetails;
import io.chanmarket.core.catalog.channels.SimilarChannels;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's rows: best value per row (higher audience numbers, lower prices), and the ids it accepts. */
class ComparisonTest {

    @Test
    void theBestValueOfEachNumericRowIsMarked() {
        ChannelDetails big = channel(1, 90_000L, 20_000L, "30000", "1500");
        ChannelDetails small = channel(2, 9_000L, 3_000L, "2500", "833.33");
        ChannelDetails unknown = channel(3, null, null, null, null);
        List<Views.CompareRow> rows = Comparison.rows(Texts.of("en"), List.of(big, small, unknown));
        assertThat(row(rows, "Subscribers").best()).isZero();
        assertThat(row(rows, "Post price").best()).isEqualTo(1);
        assertThat(row(rows, "CPM").best()).isEqualTo(1);
        Views.CompareRow per1000 = row(rows, "Price per 1,000 subscribers");
        assertThat(per1000.values()).containsExactly("333.33\u00a0₽", "277.78\u00a0₽", "—");
        assertThat(per1000.best()).isEqualTo(1);
        assertThat(row(rows, "Age").best()).isEqualTo(-1);
    }

    @Test
    void aRowWithOneKnownValueMarksNothing() {
        List<Views.CompareRow> rows = Comparison.rows(Texts.of("en"),
                List.of(channel(1, 10L, null, null, null), channel(2, null, null, null, null)));
        assertThat(row(rows, "Subscribers").best()).isEqualTo(-1);
    }

    @Test
    void idsComeRepeatedOrSeparatedAndBadOnesAreRefused() {
        assertThat(Comparison.parseIds(List.of("3,1", "2", "3"))).containsExactly(3L, 1L, 2L);
        assertThat(Comparison.parseIds(List.of("4_5"))).containsExactly(4L, 5L);
        assertThatThrownBy(() -> Comparison.parseIds(List.of("x"))).isInstanceOf(MiniAppProblem.BadInput.class);
        assertThatThrownBy(() -> Comparison.parseIds(List.of("0"))).isInstanceOf(MiniAppProblem.BadInput.class);
        assertThat(Comparison.url(List.of(1L, 2L))).isEqualTo("/app/compare?ids=1,2");
        assertThat(Comparison.payload(List.of(1L, 2L))).isEqualTo("cmp_1_2");
    }

    private static Views.CompareRow row(List<Views.CompareRow> rows, String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    private static ChannelDetails channel(long id, Long subscribers, Long reach, String price, String cpm) {
        return new ChannelDetails(id, null, "Channel " + id, null, null, null, null, null, null, "ru", "Россия",
                subscribers, reach, null, null, null, price == null ? null : new BigDecimal(price),
                cpm == null ? null : new BigDecimal(cpm), null, null, null, List.of(), List.of(), List.of(),
                new SimilarChannels(List.of()), null, null, false, false, false, false, "code" + id);
    }
}
