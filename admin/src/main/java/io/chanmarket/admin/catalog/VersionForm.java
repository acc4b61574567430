package io.chanmarket.admin.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A posted delete: only the version the editor saw. */
@Serdeable
public record VersionForm(@Nullable String version) {

    long versionNumber() {
        return FormValues.version(version);
    }
}
