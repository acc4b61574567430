package io.chanmarket.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "3 039 296|3039296", "3\u00a0039\u00a0296|3039296",
            "3\u202f039\u202f296|3039296", "162.5k|162500", "1.5k|1500", "1.2M|1200000", "+19 623|19623",
            "\u2212353|-353", "-4 107|-4107", "12'345|12345", "1837|1837", "344 941 всего|344941", "20 200|20200" })
    void readsWholeNumbersInEveryFormatOfThePages(String text, long expected) {
        assertThat(Numbers.parseLong(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "7%|7", "6.5%|6.5", "0.86%|0.86", "8 737,68|8737.68", "20170.3|20170.3" })
    void readsDecimalsAndPercentages(String text, String expected) {
        assertThat(Numbers.parse(text)).contains(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = { "—", " — ", "–", "-", "", "   " })
    void aDashIsNoDataNotZero(String text) {
        assertThat(Numbers.parse(text)).isEmpty();
        assertThat(Numbers.longOrNull(text)).isNull();
    }

    @Test
    void textThatIsNoNumberIsAnErrorNotZero() {
        assertThatThrownBy(() -> Numbers.parse("много")).isInstanceOf(NumberFormatException.class);
    }
}
