package io.chanmarket.webapp.miniapp;

import java.util.regex.Pattern;

/**
 * What a {@code startapp} / {@code start} payload names: {@code ch_<id>}, {@code cat_<id>}, {@code cmp_<id>_<id>...} (a
 * comparison), or a tracked-link code. Payloads are at most 64 characters of {@code [A-Za-z0-9_-]}; anything else is
 * {@link Malformed}.
 */
public sealed interface StartPayload {

    Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    Pattern CHANNEL = Pattern.compile("ch_([0-9]{1,18})");
    Pattern CATEGORY = Pattern.compile("cat_([0-9]{1,18})");
    Pattern COMPARE = Pattern.compile("cmp_([0-9]{1,18}(?:_[0-9]{1,18}){1,3})");

    /** No payload: the app was opened plainly. */
    record None() implements StartPayload {
    }

    record Channel(long id) implements StartPayload {
    }

    record Category(long id) implements StartPayload {
    }

    /** {@code cmp_<id>_<id>[_<id>[_<id>]]}: 2-4 channels side by side. */
    record Compare(java.util.List<Long> ids) implements StartPayload {
    }

    record LinkCode(String code) implements StartPayload {
    }

    record Malformed(String raw) implements StartPayload {
    }

    static StartPayload parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new None();
        }
        if (!ALLOWED.matcher(raw).matches()) {
            return new Malformed(raw);
        }
        var channel = CHANNEL.matcher(raw);
        if (channel.matches()) {
            return new Channel(Long.parseLong(channel.group(1)));
        }
        var category = CATEGORY.matcher(raw);
        if (category.matches()) {
            return new Category(Long.parseLong(category.group(1)));
        }
        var compare = COMPARE.matcher(raw);
        if (compare.matches()) {
            return new Compare(
                    java.util.Arrays.stream(compare.group(1).split("_")).map(Long::parseLong).distinct().toList());
        }
        if (raw.startsWith("ch_") || raw.startsWith("cat_") || raw.startsWith("cmp_")) {
            return new Malformed(raw);
        }
        return new LinkCode(raw);
    }
}
