package io.chanmarket.admin.analytics;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/** Conversion rates as shown and exported: a percentage with two decimals, empty when there were no opens. */
public final class Rates {

    private Rates() {
    }

    public static String percent(@Nullable Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.2f", rate * 100);
    }
}
