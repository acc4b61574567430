package io.chanmarket.admin.picker;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** One choice of a name picker: the id, the label shown and put in the field, and a hint (username, category). */
@Introspected
public record PickOption(long id, String label, @Nullable String hint) {
}
