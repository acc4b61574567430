package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.platform.i18n.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;

/**
 * UI texts of one language (from the {@code i18n/miniapp} bundles) and number formatting in that language's style.
 * Russian unless the user's Telegram {@code language_code} names a non-Russian-speaking language.
 */
public final class Texts {

    private static final Properties COUNTRIES_EN = load("/i18n/countries_en.properties");
    private static final Texts RU = new Texts("ru");
    private static final Texts EN = new Texts("en");

    private final String language;
    private final ResourceBundle bundle;
    private final DecimalFormatSymbols symbols;
    private final ThreadLocal<Map<String, DecimalFormat>> formats = ThreadLocal.withInitial(HashMap::new);

    private Texts(String language) {
        this.language = language;
        this.bundle = Languages.bundle("i18n/miniapp", language);
        this.symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator("ru".equals(language) ? '\u00a0' : ',');
        symbols.setDecimalSeparator("ru".equals(language) ? ',' : '.');
    }

    /** {@code ru} or {@code en} for a Telegram {@code language_code} (absent: Russian). */
    public static String languageOf(String languageCode) {
        return Languages.ofTelegram(languageCode);
    }

    private static Properties load(String path) {
        Properties props = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(path)) {
            if (in != null) {
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    public static Texts of(String language) {
        return "en".equals(language) ? EN : RU;
    }

    public String language() {
        return language;
    }

    /** The text for {@code key}; a missing key shows as itself (and fails the bundle test). */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * A country name as stored (Russian, e.g. "Россия") in this language: English names come from
     * {@code i18n/countries_en.properties}; an unknown name shows as stored.
     */
    public String country(String stored) {
        if (stored == null || "ru".equals(language)) {
            return stored;
        }
        return COUNTRIES_EN.getProperty(stored, stored);
    }

    public String fmt(String key, Object... args) {
        return Languages.format(get(key), language, args);
    }

    /** 9 876 / 12,3 тыс. / 1,2 млн (English: 9,876 / 12.3K / 1.2M); "—" for no data. */
    public String compact(Long value) {
        if (value == null) {
            return get("number.none");
        }
        long abs = Math.abs(value);
        if (abs < 10_000) {
            return grouped(value);
        }
        if (abs < 1_000_000) {
            return shortNumber(value / 1_000.0) + get("number.thousands");
        }
        if (abs < 1_000_000_000) {
            return shortNumber(value / 1_000_000.0) + get("number.millions");
        }
        return shortNumber(value / 1_000_000_000.0) + get("number.billions");
    }

    /** 1 234 567 (English: 1,234,567); "—" for no data. */
    public String grouped(Long value) {
        if (value == null) {
            return get("number.none");
        }
        return format("#,##0").format(value);
    }

    /** 12,5% (English: 12.5%), at most one decimal; "—" for no data. */
    public String pct(BigDecimal value) {
        if (value == null) {
            return get("number.none");
        }
        return format("#,##0.#").format(value.setScale(1, RoundingMode.HALF_UP)) + "%";
    }

    /** 15 000 ₽, kopecks only when there are any; "—" for no data. */
    public String rub(BigDecimal value) {
        if (value == null) {
            return get("number.none");
        }
        String pattern = value.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0";
        return format(pattern).format(value) + "\u00a0₽";
    }

    private String shortNumber(double value) {
        String pattern = Math.abs(value) >= 100 ? "0" : "0.#";
        return format(pattern).format(value);
    }

    /**
     * This thread's formatter for {@code pattern} in this language's style: building a {@link DecimalFormat} parses its
     * pattern and it is not thread-safe, so each thread keeps one per pattern.
     */
    private DecimalFormat format(String pattern) {
        return formats.get().computeIfAbsent(pattern, p -> new DecimalFormat(p, symbols));
    }
}
