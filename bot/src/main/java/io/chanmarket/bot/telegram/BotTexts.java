package io.chanmarket.bot.telegram;

import io.chanmarket.core.platform.i18n.Languages;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bot's user-facing texts from the {@code bot/messages} bundles (Russian and English). Russian unless the user's
 * Telegram {@code language_code} names a non-Russian-speaking language.
 */
public final class BotTexts {

    private static final Map<String, ResourceBundle> BUNDLES = Languages.SUPPORTED.stream()
            .collect(Collectors.toUnmodifiableMap(l -> l, l -> Languages.bundle("bot.messages", l)));

    private BotTexts() {
    }

    /** {@code ru} or {@code en} for a Telegram {@code language_code}. */
    public static String language(@Nullable String languageCode) {
        return Languages.ofTelegram(languageCode);
    }

    /** The text {@code key} in {@code language}, with {@code args} put in ({@link MessageFormat}). */
    public static String text(String language, String key, Object... args) {
        String pattern = BUNDLES.getOrDefault(language, BUNDLES.get(Languages.DEFAULT)).getString(key);
        return args.length == 0 ? pattern : Languages.format(pattern, language, args);
    }

    /** Every key of one language's bundle (for the test that both bundles have the same keys). */
    public static Set<String> keys(String language) {
        return BUNDLES.get(language).keySet();
    }

}
