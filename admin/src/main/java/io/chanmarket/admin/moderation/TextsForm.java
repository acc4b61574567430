package io.chanmarket.admin.moderation;

import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.campaigns.Campaign;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The form editing a campaign's title and text. {@code version} (a hidden field) is a hash of the title and text the
 * form was loaded with, so a save over someone else's change is refused.
 */
@Introspected
public record TextsForm(
        @NotBlank(message = "error.required") @Size(max = Validation.MAX_TEXT, message = "error.too-long") String title,
        @NotBlank(message = "error.required") @Size(max = Validation.MAX_TEXT, message = "error.too-long") String text,
        String version) {

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

    /** Browsers send a textarea's line breaks as CRLF; the API stores what it was given, usually LF. */
    private static String value(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }
}
