package io.chanmarket.admin.catalog;

import io.chanmarket.admin.web.WholeNumber;
import io.chanmarket.core.catalog.editing.CategoryDraft;
import io.chanmarket.core.catalog.editing.EditableCategory;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The category form as posted (texts trimmed); one form for create and edit, checked by
 * {@link io.chanmarket.admin.web.Forms}.
 */
@Serdeable
@Introspected
public record CategoryForm(
        @NotBlank(message = "error.required") @Size(max = 64, message = "error.too-long") @Pattern(regexp = "|[a-z0-9]+(-[a-z0-9]+)*", message = "error.slug") @Nullable String slug,
        @NotBlank(message = "error.required") @Size(max = 100, message = "error.too-long") @Nullable String nameRu,
        @NotBlank(message = "error.required") @Size(max = 100, message = "error.too-long") @Nullable String nameEn,
        @WholeNumber(min = -100_000, max = 100_000) @Nullable String sortOrder, @Nullable String version) {

    public CategoryForm {
        slug = FormValues.trimmed(slug);
        nameRu = FormValues.trimmed(nameRu);
        nameEn = FormValues.trimmed(nameEn);
        sortOrder = FormValues.trimmed(sortOrder);
    }

    static CategoryForm empty() {
        return new CategoryForm("", "", "", "0", "0");
    }

    static CategoryForm of(EditableCategory category) {
        return new CategoryForm(category.slug(), category.nameRu(), category.nameEn(),
                String.valueOf(category.sortOrder()), String.valueOf(category.version()));
    }

    /** The draft of a form that passed its check. */
    CategoryDraft draft() {
        return new CategoryDraft(slug, nameRu, nameEn, sortOrder.isEmpty() ? 0 : Integer.parseInt(sortOrder));
    }

    long versionNumber() {
        return FormValues.version(version);
    }
}
