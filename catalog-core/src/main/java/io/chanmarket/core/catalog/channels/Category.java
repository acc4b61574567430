package io.chanmarket.core.catalog.channels;

import io.micronaut.serde.annotation.Serdeable;

/** A topic of channels, with how many visible channels it has. */
@Serdeable
public record Category(long id, String slug, String nameRu, String nameEn, int channelCount, boolean demo) {

    /** The name in the given language ({@code ru} or anything else for English). */
    public String name(String language) {
        return "ru".equals(language) ? nameRu : nameEn;
    }
}
