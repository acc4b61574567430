package io.chanmarket.bot.start;

import java.util.regex.Pattern;

/**
 * What a {@code /start <payload>} names: {@code ch_<id>}, {@code cat_<id>}, or a tracked-link code (the same payloads
 * the Mini App's {@code startapp} understands). At most 64 characters of {@code [A-Za-z0-9_-]}.
 */
sealed interface StartPayload {

    Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    Pattern CHANNEL = Pattern.compile("ch_([0-9]{1,18})");
    Pattern CATEGORY = Pattern.compile("cat_([0-9]{1,18})");

    record None() implements StartPayload {
    }

    record Page(String startParam) implements StartPayload {
    }

    record LinkCode(String code) implements StartPayload {
    }

    record Malformed(String raw) implements StartPayload {
    }

    static StartPayload parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new None();
        }
        if (!ALLOWED.matcher(raw).matches()) {
            return new Malformed(raw);
        }
        if (CHANNEL.matcher(raw).matches() || CATEGORY.matcher(raw).matches()) {
            return new Page(raw);
        }
        if (raw.startsWith("ch_") || raw.startsWith("cat_")) {
            return new Malformed(raw);
        }
        return new LinkCode(raw);
    }
}
