package io.chanmarket.core.mailing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's HTML message formatting: the tags Telegram accepts ({@code b}, {@code i}, {@code u}, {@code s},
 * {@code a href}, {@code code}, {@code pre}, {@code tg-spoiler}, {@code blockquote}, ...), balanced, and the entities
 * {@code &lt; &gt; &amp; &quot;}. Also renders a safe HTML preview for the admin.
 */
public final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "tg-spoiler", "blockquote");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z-]+)((?:\\s+[a-z-]+=\"[^\"<>]*\")*)\\s*>");
    private static final Pattern HREF = Pattern.compile("^\\s+href=\"(https?://|tg://)[^\"<>]*\"$");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d{1,7});");

    private TelegramHtml() {
    }

    /** Whether Telegram would accept {@code text} with {@code parse_mode=HTML}. */
    public static boolean isValid(String text) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(text).region(i, text.length());
                if (!m.lookingAt()) {
                    return false;
                }
                String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
                if (!TAGS.contains(name)) {
                    return false;
                }
                if (m.group(1).isEmpty()) {
                    String attrs = m.group(3);
                    if (name.equals("a") ? !HREF.matcher(attrs).matches() : !attrs.isEmpty()) {
                        return false;
                    }
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name) || !m.group(3).isEmpty()) {
                    return false;
                }
                i = m.end();
            } else if (c == '>') {
                return false;
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(text).region(i, text.length());
                if (!m.lookingAt()) {
                    return false;
                }
                i = m.end();
            } else {
                i++;
            }
        }
        return open.isEmpty();
    }

    /** Characters the user sees (tags removed, entities counted as one), for Telegram's length limits. */
    public static int visibleLength(String text) {
        return ENTITY.matcher(TAG.matcher(text).replaceAll("")).replaceAll("x").length();
    }

    /**
     * The text as HTML for a browser preview: valid Telegram HTML is kept (its tags are harmless, links get
     * {@code rel="noopener"}); anything else is shown escaped.
     */
    public static String preview(String text) {
        if (!isValid(text)) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("\n", "<br>");
        }
        String html = TAG.matcher(text).replaceAll(m -> {
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (m.group(1).isEmpty() && name.equals("a")) {
                return Matcher.quoteReplacement("<a" + m.group(3) + " rel=\"noopener noreferrer\" target=\"_blank\">");
            }
            String tag = name.equals("tg-spoiler") ? "span" : name;
            return Matcher.quoteReplacement("<" + m.group(1) + tag + ">");
        });
        return html.replace("\n", "<br>");
    }
}
