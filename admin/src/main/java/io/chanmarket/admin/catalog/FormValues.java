package io.chanmarket.admin.catalog;

import java.math.BigDecimal;

/** Posted form text as the admin's form records hold it, and stored values as a form shows them. */
final class FormValues {

    private FormValues() {
    }

    /** The text without surrounding white space; "" for none. */
    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    static long version(String value) {
        try {
            return Long.parseLong(trimmed(value));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
