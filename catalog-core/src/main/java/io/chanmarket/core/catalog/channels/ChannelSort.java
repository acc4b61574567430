package io.chanmarket.core.catalog.channels;

import java.util.Locale;
import java.util.Optional;

/** What a channel list can be sorted by; the SQL column is fixed here, never taken from input. */
public enum ChannelSort {
    SUBSCRIBERS("c.subscribers"), REACH("reach"), ERR("c.err_pct"), CPM("cpm"), PRICE("c.price_rub");

    private final String column;

    ChannelSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** Parses {@code subscribers}, {@code reach}, ... case-insensitively. */
    public static Optional<ChannelSort> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
