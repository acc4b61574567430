package io.chanmarket.admin.catalog;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A posted review ({@code author}, {@code text}, {@code rating}: checked as a {@link Review}) or ad example
 * ({@code title}, URLs: checked as an {@link AdExample}), texts trimmed.
 */
@Serdeable
@Introspected
public record ExtrasForm(
        @NotBlank(groups = Review.class, message = "error.required") @Size(groups = Review.class, max = 200, message = "error.too-long") @Nullable String author,
        @NotBlank(groups = Review.class, message = "error.required") @Size(groups = Review.class, max = 4000, message = "error.too-long") @Nullable String text,
        @Pattern(groups = Review.class, regexp = "|[1-5]", message = "error.rating") @Nullable String rating,
        @NotBlank(groups = AdExample.class, message = "error.required") @Size(groups = AdExample.class, max = 300, message = "error.too-long") @Nullable String title,
        @Pattern(groups = AdExample.class, regexp = ChannelForm.HTTPS_URL, message = "error.url") @Nullable String postUrl,
        @Pattern(groups = AdExample.class, regexp = ChannelForm.HTTPS_URL, message = "error.url") @Nullable String imageUrl) {

    /** The checks of a review. */
    interface Review {
    }

    /** The checks of an ad example. */
    interface AdExample {
    }

    public ExtrasForm {
        author = FormValues.trimmed(author);
        text = FormValues.trimmed(text);
        rating = FormValues.trimmed(rating);
        title = FormValues.trimmed(title);
        postUrl = FormValues.trimmed(postUrl);
        imageUrl = FormValues.trimmed(imageUrl);
    }

    static ExtrasForm empty() {
        return new ExtrasForm("", "", "", "", "", "");
    }
}
