package io.chanmarket.core.catalog.editing;

/** The editable fields of a category (validated by the caller). */
public record CategoryDraft(String slug, String nameRu, String nameEn, int sortOrder) {
}
