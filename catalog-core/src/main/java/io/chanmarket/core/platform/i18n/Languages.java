package io.chanmarket.core.platform.i18n;

import io.micronaut.core.annotation.Nullable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The product's UI languages, one list for the bot, the Mini App and the admin panel: Russian (the default) and
 * English. A Telegram user gets Russian when the client's {@code language_code} is a language whose speakers mostly
 * read Russian, English otherwise.
 */
public final class Languages {

    public static final String DEFAULT = "ru";
    public static final List<String> SUPPORTED = List.of("ru", "en");
    private static final Map<String, Locale> LOCALES = Map.of("ru", Locale.forLanguageTag("ru"), "en",
            Locale.forLanguageTag("en"));
    private static final Set<String> RUSSIAN_SPEAKING = Set.of("ru", "uk", "be", "kk", "uz", "ky", "tg", "hy", "az");

    private Languages() {
    }

    /** {@code ru} or {@code en} for a Telegram {@code language_code} (absent: Russian). */
    public static String ofTelegram(@Nullable String languageCode) {
        if (languageCode == null || languageCode.isBlank()) {
            return DEFAULT;
        }
        String primary = languageCode.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return RUSSIAN_SPEAKING.contains(primary) ? "ru" : "en";
    }

    public static boolean supported(@Nullable String language) {
        return language != null && SUPPORTED.contains(language);
    }

    /** One language's bundle {@code baseName}, without falling back to the machine's default locale. */
    public static ResourceBundle bundle(String baseName, String language) {
        return ResourceBundle.getBundle(baseName, locale(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code pattern} with {@code args} put in, numbers and dates in the language's style. */
    public static String format(String pattern, String language, Object... args) {
        return new MessageFormat(pattern, locale(language)).format(args);
    }

    /** The locale of a supported language, kept rather than parsed again on every text of a page. */
    private static Locale locale(String language) {
        Locale locale = LOCALES.get(language);
        return locale != null ? locale : Locale.forLanguageTag(language);
    }
}
