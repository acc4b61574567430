package io.chanmarket.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanmarket.parsers.text.Numbers.Convention;
import io.chanmarket.parsers.text.Numbers.Kind;
import io.chanmarket.parsers.text.Numbers.NoData;
import io.chanmarket.parsers.text.Numbers.Reading;
import io.chanmarket.parsers.text.Numbers.Refused;
import io.chanmarket.parsers.text.Numbers.Value;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The number grammar, table-driven: text, what the field holds, the page's convention, and the exact outcome (a value,
 * "no data", a refusal for ambiguity, or an error for text that is no number).
 */
class NumbersTest {

    private static final String NO_DATA = "NO_DATA";
    private static final String REFUSED = "REFUSED";
    private static final String ERROR = "ERROR";

    private static final Kind W = Kind.WHOLE;
    private static final Kind D = Kind.DECIMAL;
    private static final Convention NONE = Convention.NONE;
    private static final Convention RU = Convention.RU;
    private static final Convention EN = Convention.EN;

    static Stream<Arguments> table() {
        return Stream.of(
                // grouping by spaces, as TGStat prints them
                row("3 039 296", W, NONE, "3039296"), row("3\u00a0039\u00a0296", W, NONE, "3039296"),
                row("3\u202f039\u202f296", W, NONE, "3039296"), row("3\u2009039\u2009296", W, NONE, "3039296"),
                row("20 200", D, NONE, "20200"), row("1837", W, NONE, "1837"), row("0", W, NONE, "0"),
                // grouping by commas, dots and apostrophes
                row("3,039,296", W, NONE, "3039296"), row("3.039.296", W, NONE, "3039296"),
                row("3'039'296", W, NONE, "3039296"), row("3\u2019039\u2019296", W, NONE, "3039296"),
                row("12'345", W, NONE, "12345"), row("1,000,000", D, NONE, "1000000"),
                row("1.000.000", D, NONE, "1000000"),
                // signs: plus, ASCII minus, Unicode minus, en dash
                row("+19 623", W, NONE, "19623"), row("-4 107", W, NONE, "-4107"), row("\u2212353", W, NONE, "-353"),
                row("\u2013353", W, NONE, "-353"), row("+ 52", W, NONE, "52"),
                // multipliers
                row("162.5k", W, NONE, "162500"), row("198.5k", W, NONE, "198500"), row("1.5k", W, NONE, "1500"),
                row("1.2k", W, NONE, "1200"), row("1,2 тыс.", W, NONE, "1200"), row("1,2 тыс", W, NONE, "1200"),
                row("3 тыс.", W, NONE, "3000"), row("12к", W, NONE, "12000"), row("1.2M", W, NONE, "1200000"),
                row("2 млн", W, NONE, "2000000"), row("1,5 млн", W, NONE, "1500000"),
                row("1,5 млрд", W, NONE, "1500000000"), row("2.25B", W, NONE, "2250000000"),
                row("1.2345k", W, NONE, "1235"),
                // approximate marks
                row("≈ 1 200", W, NONE, "1200"), row("≈1 200", W, NONE, "1200"), row("~1200", W, NONE, "1200"),
                row("около 1 200", W, NONE, "1200"),
                // decimals and percentages with either decimal mark
                row("7%", D, NONE, "7"), row("6.5%", D, NONE, "6.5"), row("6,5%", D, NONE, "6.5"),
                row("0.86%", D, NONE, "0.86"), row("0,86 %", D, NONE, "0.86"), row("100,5%", D, NONE, "100.5"),
                row("20170.3", D, NONE, "20170.3"), row("12,3456", D, NONE, "12.3456"), row("0,123", D, NONE, "0.123"),
                row("0.123", D, NONE, "0.123"),
                // grouping and a decimal part together
                row("8 737,68", D, NONE, "8737.68"), row("1 234.5", D, NONE, "1234.5"),
                row("1,234.56", D, NONE, "1234.56"), row("1.234,56", D, NONE, "1234.56"),
                row("1'000.5", D, NONE, "1000.5"), row("1,000,000.25", D, NONE, "1000000.25"),
                row("1.000.000,25", D, NONE, "1000000.25"),
                // one comma or dot before three digits: ambiguous unless only one reading fits the field or the page
                row("1,234", D, NONE, REFUSED), row("1.234", D, NONE, REFUSED), row("20,200", D, NONE, REFUSED),
                row("1,234", W, NONE, "1234"), row("1.234", W, NONE, "1234"), row("1,234", D, RU, REFUSED),
                row("1.234", D, RU, "1.234"), row("1,234", D, EN, "1234"), row("1.234", D, EN, "1.234"),
                row("1,234k", W, NONE, REFUSED), row("1,234k", W, EN, "1234000"), row("1,234k", W, RU, REFUSED),
                row("1.234k", W, RU, "1234"), row("1.234", W, RU, "1234"), row("12,345%", D, NONE, REFUSED),
                // no data, never zero
                row("—", D, NONE, NO_DATA), row(" — ", W, NONE, NO_DATA), row("–", W, NONE, NO_DATA),
                row("-", W, NONE, NO_DATA), row("", W, NONE, NO_DATA), row("   ", D, NONE, NO_DATA),
                row("n/a", D, NONE, NO_DATA),
                // no number at all, or separators that form none
                row("много", W, NONE, ERROR), row("344 941 всего", W, NONE, ERROR), row("1 5", W, NONE, ERROR),
                row("12 34", W, NONE, ERROR), row("1,2,3", W, NONE, ERROR), row("1.234.5", D, NONE, ERROR),
                row("1,,5", D, NONE, ERROR), row("5 ,3", D, NONE, ERROR), row("1,2345,678", W, NONE, ERROR),
                row("1.5", W, NONE, ERROR), row("5%", W, NONE, ERROR), row("5k%", D, NONE, ERROR),
                row("0,123,456", W, NONE, ERROR), row("1 234,5", W, NONE, ERROR));
    }

    private static Arguments row(String text, Kind kind, Convention convention, String expected) {
        return Arguments.of(text, kind, convention, expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" as {1} on a {2} page -> {3}")
    @MethodSource("table")
    void readsExactlyOrRefuses(String text, Kind kind, Convention convention, String expected) {
        switch (expected) {
        case ERROR -> assertThatThrownBy(() -> Numbers.read(text, kind, convention))
                .isInstanceOf(NumberFormatException.class);
        case NO_DATA -> assertThat(Numbers.read(text, kind, convention)).isEqualTo(new NoData());
        case REFUSED -> assertThat(Numbers.read(text, kind, convention)).isInstanceOf(Refused.class);
        default -> {
            Reading reading = Numbers.read(text, kind, convention);
            assertThat(reading).isInstanceOf(Value.class);
            assertThat(((Value) reading).value()).isEqualByComparingTo(expected);
        }
        }
    }

    @Test
    void theTableHasAtLeastSixtyCases() {
        assertThat(table().count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aRefusalSaysWhichReadingsCompete() {
        assertThat(Numbers.read("1,234", Kind.DECIMAL, Convention.NONE))
                .isEqualTo(new Refused("1,234", "ambiguous: '1,234' reads as 1234 or 1.234"));
    }

    @Test
    void roundedAndApproximateValuesAreMarkedSo() {
        assertThat(Numbers.read("≈ 1 200", Kind.WHOLE, Convention.NONE))
                .isEqualTo(new Value(new BigDecimal("1200"), true));
        assertThat(Numbers.read("162.5k", Kind.WHOLE, Convention.NONE))
                .isEqualTo(new Value(new BigDecimal("162500"), true));
        assertThat(Numbers.read("3 039 296", Kind.WHOLE, Convention.NONE))
                .isEqualTo(new Value(new BigDecimal("3039296"), false));
    }

    @Test
    void theConvenienceMethodsThrowOnAmbiguityInsteadOfGuessing() {
        assertThatThrownBy(() -> Numbers.parse("1,234")).isInstanceOf(Numbers.AmbiguousNumberException.class)
                .hasMessageContaining("1234 or 1.234");
        assertThat(Numbers.longOrNull("3,039,296")).isEqualTo(3_039_296L);
        assertThat(Numbers.decimalOrNull("—")).isNull();
    }
}
