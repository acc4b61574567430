package io.chanmarket.core.ads;

import java.util.UUID;

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

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
