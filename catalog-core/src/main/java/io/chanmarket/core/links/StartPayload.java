package io.chanmarket.core.links;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The deep-link grammar, shared by the bot's {@code /start <payload>} and the Mini App's {@code startapp}:
 * {@code ch_<id>}, {@code cat_<id>}, {@code cmp_<id>_<id>...} (a comparison of 2-4 channels), or a tracked-link code.
 * Payloads are at most 64 characters of {@code [A-Za-z0-9_-]}; anything else, and a page prefix with a bad id, is
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

    /** A payload that names a Mini App page; {@link #startParam()} opens it. */
    sealed interface Page extends StartPayload {
        String startParam();
    }

    record Channel(long id) implements Page {
        @Override
        public String startParam() {
            return "ch_" + id;
        }
    }

    record Category(long id) implements Page {
        @Override
        public String startParam() {
            return "cat_" + id;
        }
    }

    /** {@code cmp_<id>_<id>[_<id>[_<id>]]}: 2-4 channels side by side. */
    record Compare(List<Long> ids) implements Page {
        @Override
        public String startParam() {
            return "cmp_" + ids.stream().map(String::valueOf).collect(Collectors.joining("_"));
        }
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
            return new Compare(Arrays.stream(compare.group(1).split("_")).map(Long::parseLong).distinct().toList());
        }
        if (raw.startsWith("ch_") || raw.startsWith("cat_") || raw.startsWith("cmp_")) {
            return new Malformed(raw);
        }
        return new LinkCode(raw);
    }

    /** The link that opens the Mini App of the bot {@code botUsername} with {@code payload}. */
    static String appLink(String botUsername, String payload) {
        return "https://t.me/" + botUsername + "?startapp=" + payload;
    }
}
