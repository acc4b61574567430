package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Number formatting per language, language choice, and the two bundles having the same keys. */
class TextsTest {

    private final Texts ru = Texts.of("ru");
    private final Texts en = Texts.of("en");

    @Test
    void bigNumbersAreCompact() {
        assertThat(ru.compact(9_876L)).isEqualTo("9\u00a0876");
        assertThat(en.compact(9_876L)).isEqualTo("9,876");
        assertThat(ru.compact(12_345L)).isEqualTo("12,3\u00a0тыс.");
        assertThat(en.compact(12_345L)).isEqualTo("12.3K");
        assertThat(en.compact(250_000L)).isEqualTo("250K");
        assertThat(ru.compact(1_250_000L)).isEqualTo("1,2\u00a0млн");
        assertThat(en.compact(3_000_000L)).isEqualTo("3M");
    }

    @Test
    void missingNumbersShowAsADashNeverZero() {
        assertThat(ru.compact(null)).isEqualTo("—");
        assertThat(en.pct(null)).isEqualTo("—");
        assertThat(ru.rub(null)).isEqualTo("—");
    }

    @Test
    void groupedPercentAndRoubles() {
        assertThat(ru.grouped(1_234_567L)).isEqualTo("1\u00a0234\u00a0567");
        assertThat(en.grouped(1_234_567L)).isEqualTo("1,234,567");
        assertThat(ru.pct(new BigDecimal("12.54"))).isEqualTo("12,5%");
        assertThat(en.pct(new BigDecimal("12.00"))).isEqualTo("12%");
        assertThat(ru.rub(new BigDecimal("15000.00"))).isEqualTo("15\u00a0000\u00a0₽");
        assertThat(en.rub(new BigDecimal("312.50"))).isEqualTo("312.50\u00a0₽");
    }

    @Test
    void russianUnlessTheUserSpeaksSomethingElse() {
        assertThat(Texts.languageOf("ru")).isEqualTo("ru");
        assertThat(Texts.languageOf("uk")).isEqualTo("ru");
        assertThat(Texts.languageOf(null)).isEqualTo("ru");
        assertThat(Texts.languageOf("en")).isEqualTo("en");
        assertThat(Texts.languageOf("en-US")).isEqualTo("en");
        assertThat(Texts.languageOf("de")).isEqualTo("en");
    }

    @Test
    void everyKeyExistsInBothLanguages() throws Exception {
        Properties ruKeys = load("/i18n/miniapp_ru.properties");
        Properties enKeys = load("/i18n/miniapp_en.properties");
        assertThat(ruKeys.stringPropertyNames()).isNotEmpty().isEqualTo(enKeys.stringPropertyNames());
    }

    private static Properties load(String path) throws Exception {
        Properties props = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream(path)) {
            props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return props;
    }
}
