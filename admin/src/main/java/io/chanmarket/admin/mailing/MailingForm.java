package io.chanmarket.admin.mailing;

import io.chanmarket.core.mailing.Mailing;
import io.chanmarket.core.mailing.MailingDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The mailing form as posted: {@code title}, {@code text}, {@code imageUrl}, {@code buttonChannelId},
 * {@code buttonText}, {@code version}, and one {@code seg_<id>} checkbox per chosen segment.
 */
public record MailingForm(String title, String text, String imageUrl, String buttonChannelId, String buttonText,
        String version, List<Long> segmentIds) {

    static MailingForm empty() {
        return new MailingForm("", "", "", "", "", "0", List.of());
    }

    static MailingForm of(Mailing m) {
        return new MailingForm(m.title(), m.text(), m.imageUrl() == null ? "" : m.imageUrl(),
                m.buttonChannelId() == null ? "" : String.valueOf(m.buttonChannelId()),
                m.buttonText() == null ? "" : m.buttonText(), String.valueOf(m.version()), m.segmentIds());
    }

    static MailingForm parse(Map<String, String> fields) {
        TreeSet<Long> segments = new TreeSet<>();
        for (String key : fields.keySet()) {
            if (key.startsWith("seg_")) {
                try {
                    segments.add(Long.parseLong(key.substring(4)));
                } catch (NumberFormatException ignored) {
                    // not a segment checkbox
                }
            }
        }
        return new MailingForm(value(fields, "title"), value(fields, "text"), value(fields, "imageUrl"),
                value(fields, "buttonChannelId"), value(fields, "buttonText"), value(fields, "version"),
                new ArrayList<>(segments));
    }

    public boolean chosen(long segmentId) {
        return segmentIds.contains(segmentId);
    }

    /** The draft with its problems by field (message keys); the channel's existence is checked by the caller. */
    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!buttonChannelId.isBlank() && channelId() == null) {
            errors.put("buttonChannelId", "mailing.error.channel");
        }
        draft().problems().forEach(errors::putIfAbsent);
        return errors;
    }

    MailingDraft draft() {
        return new MailingDraft(title.trim(), text.replace("\r\n", "\n"), blankToNull(imageUrl.trim()), channelId(),
                blankToNull(buttonText.trim()), segmentIds);
    }

    Long channelId() {
        try {
            long id = Long.parseLong(buttonChannelId.trim());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    long versionNumber() {
        try {
            return Long.parseLong(version.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String value(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v == null ? "" : v;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
