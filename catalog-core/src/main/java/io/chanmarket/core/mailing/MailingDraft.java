package io.chanmarket.core.mailing;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an admin composes: a title (for the list), the Telegram-HTML text, an optional image URL, an optional button
 * that opens a channel in the Mini App, and the segments.
 */
public record MailingDraft(String title, String text, @Nullable String imageUrl, @Nullable Long buttonChannelId,
        @Nullable String buttonText, List<Long> segmentIds) {

    public static final int MAX_TEXT = 4096;
    public static final int MAX_CAPTION = 1024;

    /** Problems by field name, as message keys ({@code mailing.error.*}); empty when the draft is fine. */
    public Map<String, String> problems() {
        Map<String, String> out = new LinkedHashMap<>();
        if (title == null || title.isBlank()) {
            out.put("title", "mailing.error.required");
        } else if (title.length() > 200) {
            out.put("title", "mailing.error.tooLong");
        }
        if (text == null || text.isBlank()) {
            out.put("text", "mailing.error.required");
        } else if (TelegramHtml.visibleLength(text) > (imageUrl == null ? MAX_TEXT : MAX_CAPTION)) {
            out.put("text", imageUrl == null ? "mailing.error.textTooLong" : "mailing.error.captionTooLong");
        } else if (!TelegramHtml.isValid(text)) {
            out.put("text", "mailing.error.html");
        }
        if (imageUrl != null && !validImageUrl(imageUrl)) {
            out.put("imageUrl", "mailing.error.url");
        }
        if (buttonText != null && buttonText.length() > 64) {
            out.put("buttonText", "mailing.error.tooLong");
        }
        if (buttonText != null && buttonChannelId == null) {
            out.put("buttonChannelId", "mailing.error.buttonChannel");
        }
        if (buttonChannelId != null && buttonText == null) {
            out.put("buttonText", "mailing.error.required");
        }
        return out;
    }

    private static boolean validImageUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
