package io.chanmarket.admin.mailing;

import io.chanmarket.admin.web.WholeNumber;
import io.chanmarket.core.mailing.SegmentFilter;
import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;

/** A manual segment as posted (texts trimmed, the language lower-cased), checked by the admin's Forms. */
@Introspected
record SegmentForm(@NotBlank(message = "error.required") @Size(max = 100, message = "error.too-long") String name,
        @Pattern(regexp = "|[a-z]{2,3}(-[a-z0-9]{2,8})?", message = "segments.error.language") String languageCode,
        boolean premiumOnly, @WholeNumber(min = 1, max = 3650) String seenWithinDays,
        @WholeNumber(min = 1, max = Long.MAX_VALUE) String interestCategoryId) {

    static SegmentForm of(Map<String, String> posted) {
        return new SegmentForm(text(posted, "name"), text(posted, "languageCode").toLowerCase(Locale.ROOT),
                !posted.getOrDefault("premiumOnly", "").isBlank(), text(posted, "seenWithinDays"),
                text(posted, "interestCategoryId"));
    }

    private static String text(Map<String, String> posted, String field) {
        return posted.getOrDefault(field, "").trim();
    }

    /** The category whose readers the segment wants, or null. */
    Long interestCategory() {
        return interestCategoryId.isEmpty() ? null : Long.valueOf(interestCategoryId);
    }

    /** The filter of a form that passed its check. */
    SegmentFilter filter() {
        return new SegmentFilter(name, languageCode.isEmpty() ? null : languageCode, premiumOnly,
                seenWithinDays.isEmpty() ? null : Integer.valueOf(seenWithinDays), interestCategory());
    }
}
