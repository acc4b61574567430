package io.chanmarket.parsers.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the number formats of TGStat and Telemetr pages: {@code 3 039 296} (plain, non-breaking or thin spaces),
 * {@code 12'345}, {@code 162.5k}, {@code 1.2M}, {@code 7%}, {@code +19 623}, {@code −353} (Unicode minus), decimal
 * commas. A dash ({@code —}, {@code –}, {@code -}) or an empty text means "no data" and reads as empty, never as zero.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The first number in {@code text}, or empty for "no data".
     *
     * @throws NumberFormatException
     *             when the text is neither a number nor a "no data" mark
     */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = normalize(text);
        if (s.isEmpty() || s.equals("-") || s.equals("—") || s.equals("–") || s.equalsIgnoreCase("n/a")) {
            return Optional.empty();
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        StringBuilder digits = new StringBuilder();
        boolean decimal = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if ((c == '.' || c == ',') && !decimal && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))
                    && digits.length() > 0) {
                decimal = true;
                digits.append('.');
            } else if (c == ' ' || c == '\'') {
                // thousands separator: only between digits
                if (!(digits.length() > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                    break;
                }
            } else {
                break;
            }
        }
        if (digits.length() == 0) {
            throw new NumberFormatException("not a number: '" + text.strip() + "'");
        }
        BigDecimal value = new BigDecimal(digits.toString());
        String rest = s.substring(i).stripLeading().toLowerCase(Locale.ROOT);
        if (rest.startsWith("k") || rest.startsWith("к") || rest.startsWith("тыс")) {
            value = value.multiply(BigDecimal.valueOf(1_000));
        } else if (rest.startsWith("m") || rest.startsWith("м") || rest.startsWith("млн")) {
            value = value.multiply(BigDecimal.valueOf(1_000_000));
        }
        return Optional.of(negative ? value.negate() : value);
    }

    /** {@link #parse} rounded to a whole number. */
    public static Optional<Long> parseLong(String text) {
        return parse(text).map(v -> v.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Null for "no data", the number otherwise. */
    public static BigDecimal decimalOrNull(String text) {
        return parse(text).orElse(null);
    }

    /** Null for "no data", the whole number otherwise. */
    public static Long longOrNull(String text) {
        return parseLong(text).orElse(null);
    }

    /** Collapses every kind of space to one ASCII space, the Unicode minus and dashes before digits to '-'. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (c == '\u2212' || ((c == '\u2013' || c == '\u2014') && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)))) {
                out.append('-');
            } else if (c == '\u2019' || c == '`') {
                out.append('\'');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
