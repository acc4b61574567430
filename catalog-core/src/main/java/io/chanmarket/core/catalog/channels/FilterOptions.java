package io.chanmarket.core.catalog.channels;

import java.util.List;

/** The geo and language values that occur among a category's channels, for the filter form. */
public record FilterOptions(List<String> countries, List<String> languages) {
}
