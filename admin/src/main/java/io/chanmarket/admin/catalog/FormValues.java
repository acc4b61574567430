package io.chanmarket.admin.catalog;

import java.math.BigDecimal;
import java.util.Map;

/** Parsing of posted form text into typed values, recording a message key per bad field. */
final class FormValues {

    private FormValues() {
    }

    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    /** The trimmed text, or null when blank. */
    static String optional(String value) {
        String t = trimmed(value);
        return t.isEmpty() ? null : t;
    }

    static String required(Map<String, String> errors, String field, String value, int maxLength) {
        String t = trimmed(value);
        if (t.isEmpty()) {
            errors.put(field, "error.required");
        } else if (t.length() > maxLength) {
            errors.put(field, "error.too-long");
        }
        return t;
    }

    static String optional(Map<String, String> errors, String field, String value, int maxLength) {
        String t = optional(value);
        if (t != null && t.length() > maxLength) {
            errors.put(field, "error.too-long");
        }
        return t;
    }

    /** A decimal within [min, max], with "," accepted as the decimal separator; null when blank. */
    static BigDecimal decimal(Map<String, String> errors, String field, String value, BigDecimal min, BigDecimal max) {
        String t = optional(value);
        if (t == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(t.replace(',', '.').replace(" ", ""));
            if (number.compareTo(min) < 0 || number.compareTo(max) > 0 || number.scale() > 2) {
                errors.put(field, "error.range");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(field, "error.number");
            return null;
        }
    }

    static Integer integer(Map<String, String> errors, String field, String value, int min, int max, boolean required) {
        String t = optional(value);
        if (t == null) {
            if (required) {
                errors.put(field, "error.required");
            }
            return null;
        }
        try {
            int number = Integer.parseInt(t);
            if (number < min || number > max) {
                errors.put(field, "error.range");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(field, "error.integer");
            return null;
        }
    }

    static String httpsUrl(Map<String, String> errors, String field, String value) {
        String t = optional(value);
        if (t != null && (!t.matches("https://[^\\s/$.?#][^\\s]*") || t.length() > 500)) {
            errors.put(field, "error.url");
        }
        return t;
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
