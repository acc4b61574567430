package io.chanmarket.webapp.miniapp;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The advertiser's link of a sponsored card: the first link its ad text names, the way ads in Telegram channels carry
 * theirs ({@code https://…}, {@code t.me/…} or a {@code @username}). The engine's contract has no link field, so the
 * text is where an advertiser puts it. A {@code t.me} link or a username opens in Telegram, any other link in the
 * browser (the Mini App's openers); none: the card only records the tap.
 */
final class AdLink {

    private static final Pattern LINK = Pattern.compile(
            "(?<url>https?://[^\\s<>\"'«»]+)|(?<tme>(?<![\\w/.])t\\.me/[A-Za-z0-9_+/-]+)|(?<![\\w@])@(?<user>[A-Za-z][A-Za-z0-9_]{4,31})\\b");

    /** Punctuation that ends a sentence after a link, not the link. */
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?)]+$");

    private AdLink() {
    }

    /** The first link of {@code text} as an absolute https/http address, or null. */
    static @Nullable String in(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String link = m.group("url") != null ? m.group("url")
                    : m.group("tme") != null ? "https://" + m.group("tme") : "https://t.me/" + m.group("user");
            link = TRAILING.matcher(link).replaceAll("");
            if (valid(link)) {
                return link;
            }
        }
        return null;
    }

    private static boolean valid(String link) {
        try {
            URI uri = new URI(link);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
