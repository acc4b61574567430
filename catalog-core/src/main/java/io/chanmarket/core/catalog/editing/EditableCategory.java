package io.chanmarket.core.catalog.editing;

import io.micronaut.serde.annotation.Serdeable;

/** A category as the admin edits it, with the number of its channels. */
@Serdeable
public record EditableCategory(long id, String slug, String nameRu, String nameEn, int sortOrder, boolean demo,
        long version, long channelCount) {
}
