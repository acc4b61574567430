package io.chanmarket.bot.telegram;

import io.micronaut.core.annotation.Nullable;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The bot's user-facing texts from the {@code bot/messages} bundles (Russian and English). Russian unless the user's
 * Telegram {@code language_code} names a non-Russian-speaking language.
 */
public final class BotTexts {

    public static final String DEFAULT_LANGUAGE = "ru";
    public static final Set<String> LANGUAGES = Set.of("ru", "en");
    private static final Set<String> RUSSIAN_SPEAKING = Set.of("ru", "uk", "be", "kk", "uz", "ky", "tg", "hy", "az");
    private static final Map<String, ResourceBundle> BUNDLES = Map.of("ru", bundle("ru"), "en", bundle("en"));

    private BotTexts() {
    }

    /** {@code ru} or {@code en} for a Telegram {@code language_code}. */
    public static String language(@Nullable String languageCode) {
        if (languageCode == null || languageCode.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        String base = languageCode.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return RUSSIAN_SPEAKING.contains(base) ? "ru" : "en";
    }

    /** The text {@code key} in {@code language}, with {@code args} put in ({@link MessageFormat}). */
    public static String text(String language, String key, Object... args) {
        String pattern = BUNDLES.getOrDefault(language, BUNDLES.get(DEFAULT_LANGUAGE)).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
    }

    /** Every key of one language's bundle (for the test that both bundles have the same keys). */
    public static Set<String> keys(String language) {
        return BUNDLES.get(language).keySet();
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle("bot.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
