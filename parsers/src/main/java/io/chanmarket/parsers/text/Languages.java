package io.chanmarket.parsers.text;

import java.util.Locale;
import java.util.Map;

/** Language names as TGStat and Telemetr print them, to the ISO 639-1 codes the catalog stores. */
public final class Languages {

    private static final Map<String, String> CODES = Map.ofEntries(Map.entry("русский", "ru"),
            Map.entry("russian", "ru"), Map.entry("английский", "en"), Map.entry("english", "en"),
            Map.entry("украинский", "uk"), Map.entry("ukrainian", "uk"), Map.entry("белорусский", "be"),
            Map.entry("беларуский", "be"), Map.entry("казахский", "kk"), Map.entry("узбекский", "uz"),
            Map.entry("uzbek", "uz"), Map.entry("немецкий", "de"), Map.entry("испанский", "es"),
            Map.entry("французский", "fr"), Map.entry("итальянский", "it"), Map.entry("турецкий", "tr"),
            Map.entry("арабский", "ar"), Map.entry("персидский", "fa"), Map.entry("китайский", "zh"),
            Map.entry("хинди", "hi"), Map.entry("португальский", "pt"), Map.entry("польский", "pl"),
            Map.entry("грузинский", "ka"), Map.entry("армянский", "hy"), Map.entry("азербайджанский", "az"),
            Map.entry("киргизский", "ky"), Map.entry("таджикский", "tg"));

    private Languages() {
    }

    /** The ISO code, the name itself when it already is a two-letter code, or null when unknown. */
    public static String isoCode(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.matches("[a-z]{2}")) {
            return key;
        }
        return CODES.get(key);
    }
}
