package io.chanmarket.admin.catalog;

import io.chanmarket.core.catalog.editing.AdExample;
import io.chanmarket.core.catalog.editing.Review;
import java.util.List;
import java.util.Map;

/** A channel's reviews and ad examples with the add forms' values and errors (the {@code #extras} partial). */
public record Extras(long channelId, List<Review> reviews, List<AdExample> adExamples, ExtrasForm form,
        Map<String, String> errors) {
}
