package io.chanmarket.admin.catalog;

import io.chanmarket.core.catalog.editing.CategoryDraft;
import io.chanmarket.core.catalog.editing.EditableCategory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** The category form as posted; one form for create and edit. */
@Serdeable
public record CategoryForm(@Nullable String slug, @Nullable String nameRu, @Nullable String nameEn,
        @Nullable String sortOrder, @Nullable String version) {

    static CategoryForm empty() {
        return new CategoryForm("", "", "", "0", "0");
    }

    static CategoryForm of(EditableCategory category) {
        return new CategoryForm(category.slug(), category.nameRu(), category.nameEn(),
                String.valueOf(category.sortOrder()), String.valueOf(category.version()));
    }

    /** The draft, or null with {@code errors} filled when the input is not valid. */
    CategoryDraft toDraft(Map<String, String> errors) {
        String s = FormValues.required(errors, "slug", slug, 64);
        if (!errors.containsKey("slug") && !s.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            errors.put("slug", "error.slug");
        }
        String ru = FormValues.required(errors, "nameRu", nameRu, 100);
        String en = FormValues.required(errors, "nameEn", nameEn, 100);
        Integer order = FormValues.integer(errors, "sortOrder", sortOrder, -100_000, 100_000, false);
        return errors.isEmpty() ? new CategoryDraft(s, ru, en, order == null ? 0 : order) : null;
    }

    long versionNumber() {
        return FormValues.version(version);
    }
}
