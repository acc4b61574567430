package io.chanmarket.core.ads;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/** Small checks shared by the ad-engine features; each failure is an {@link AdsException.Invalid} naming the field. */
public final class Validation {

    /** Longest text accepted in any string field. */
    public static final int MAX_TEXT = 4096;

    private Validation() {
    }

    /** Parses a UUID given in a path, query or body. */
    public static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new AdsException.Invalid(field + " is required");
        }
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new AdsException.Invalid(field + " must be a UUID, got '" + abbreviate(value) + "'");
        }
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new AdsException.Invalid(field + " is required and may not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new AdsException.Invalid(field + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new AdsException.Invalid(field + " is required");
        }
        return value;
    }

    public static int between(Integer value, String field, int min, int max) {
        required(value, field);
        if (value < min || value > max) {
            throw new AdsException.Invalid(field + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A price: a finite number, 0 or more. */
    public static double money(Double value, String field) {
        required(value, field);
        if (!Double.isFinite(value) || value < 0 || value > 1e12) {
            throw new AdsException.Invalid(field + " must be a number from 0 to 1e12, got " + value);
        }
        return value;
    }

    /**
     * Validates every element of a bulk request body: {@code validate} gets the element (never null) and the prefix
     * naming it in messages ({@code [3].}).
     */
    public static <I, T> List<T> eachOf(List<I> items, int max, String what, BiFunction<I, String, T> validate) {
        if (items == null) {
            throw new AdsException.Invalid("the body must be a JSON array of " + what);
        }
        if (items.size() > max) {
            throw new AdsException.Invalid("at most " + max + " " + what + " per request");
        }
        List<T> valid = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = "[" + i + "].";
            if (items.get(i) == null) {
                throw new AdsException.Invalid(at.substring(0, at.length() - 1) + " may not be null");
            }
            valid.add(validate.apply(items.get(i), at));
        }
        return valid;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
