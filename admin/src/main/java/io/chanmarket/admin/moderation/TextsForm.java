package io.chanmarket.admin.moderation;

import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.campaigns.Campaign;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form editing a campaign's title and text. {@code version} (a hidden field) is a hash of the title and text the
 * form was loaded with, so a save over someone else's change is refused.
 */
public record TextsForm(String title, String text, String version) {

    static final TextsForm EMPTY = new TextsForm("", "", "");

    static TextsForm of(Campaign campaign) {
        return new TextsForm(campaign.adTitle(), campaign.adText(), version(campaign));
    }

    static TextsForm parse(Map<String, String> fields) {
        return new TextsForm(value(fields, "title"), value(fields, "text"), value(fields, "version"));
    }

    /** The hash of the campaign's current title and text. */
    static String version(Campaign campaign) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(campaign.adTitle().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(campaign.adText().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Field name → message key of each problem. */
    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        check(errors, "title", title);
        check(errors, "text", text);
        return errors;
    }

    private static void check(Map<String, String> errors, String field, String value) {
        if (value.isBlank()) {
            errors.put(field, "error.required");
        } else if (value.length() > Validation.MAX_TEXT) {
            errors.put(field, "error.too-long");
        }
    }

    /** Browsers send a textarea's line breaks as CRLF; the API stores what it was given, usually LF. */
    private static String value(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }
}
