package io.chanmarket.core.catalog.editing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * A {@code category} row as written. {@code version} guards every update: one saved over an older version changes
 * nothing and fails ({@link io.micronaut.data.exceptions.OptimisticLockException}).
 */
@MappedEntity("category")
record CategoryRow(@Id @GeneratedValue @Nullable Long id, String slug, String nameRu, String nameEn, int sortOrder,
        @MappedProperty("is_demo") boolean demo, @Version long version, @DateUpdated @Nullable Instant updatedAt) {

    /** A new category from the form's draft. */
    static CategoryRow of(CategoryDraft draft) {
        return new CategoryRow(null, draft.slug(), draft.nameRu(), draft.nameEn(), draft.sortOrder(), false, 0, null);
    }

    /** The row {@code current} edited by the draft, saved over {@code version}. */
    static CategoryRow edited(EditableCategory current, long version, CategoryDraft draft) {
        return new CategoryRow(current.id(), draft.slug(), draft.nameRu(), draft.nameEn(), draft.sortOrder(),
                current.demo(), version, null);
    }
}
