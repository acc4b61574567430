package io.chanmarket.admin.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A posted review ({@code author}, {@code text}, {@code rating}) or ad example ({@code title}, URLs). */
@Serdeable
public record ExtrasForm(@Nullable String author, @Nullable String text, @Nullable String rating,
        @Nullable String title, @Nullable String postUrl, @Nullable String imageUrl) {

    static ExtrasForm empty() {
        return new ExtrasForm("", "", "", "", "", "");
    }
}
