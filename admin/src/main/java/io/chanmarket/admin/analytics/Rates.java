package io.chanmarket.admin.analytics;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Rates and amounts as shown and exported: a percentage with two decimals (empty when there were no opens), money as
 * stored.
 */
public final class Rates {

    private Rates() {
    }

    public static String percent(@Nullable Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.2f", rate * 100);
    }

    /** A value already in percent (the ad engine's conversion), with two decimals. */
    public static String percentValue(double percent) {
        return String.format(Locale.ROOT, "%.2f", percent);
    }

    /** An amount of money as stored (up to 6 decimals), without trailing zeros: {@code 12.5}, {@code 0.000125}. */
    public static String amount(double value) {
        return new BigDecimal(Double.toString(value)).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
