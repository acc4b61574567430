package io.chanmarket.parsers.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One grammar for the numbers of TGStat and Telemetr pages, which refuses to guess.
 * <p>
 * A number is {@code [≈|~] [+|-] digits [multiplier | %]}. The digits may be grouped by spaces (plain, non-breaking,
 * thin), apostrophes, commas or dots, and may end in a decimal part after a comma or a dot: {@code 3 039 296},
 * {@code 3,039,296}, {@code 3.039.296}, {@code 3'039'296}, {@code 1 234,5}, {@code 1,234.5}, {@code 1.234,5}. Groups
 * after the first have exactly three digits; spaces and apostrophes only ever group. Multipliers: {@code k}, {@code к},
 * {@code тыс.}, {@code M}, {@code млн}, {@code B}, {@code млрд} (and their spelled-out forms). A dash, {@code n/a} or
 * an empty text is "no data", never zero.
 * <p>
 * Every way of reading the digits is tried. When they agree, or when only one of them is a {@link Kind#WHOLE whole}
 * number where a count is expected, that is the value. When they disagree ({@code 1,234} is 1234 or 1.234), the page's
 * declared {@link Convention} may break the tie; otherwise the text is {@link Refused refused}: the caller keeps the
 * field's old value and flags the page. Text that is no number at all throws {@link NumberFormatException}.
 */
public final class Numbers {

    /** What the field holds: a count ({@code WHOLE}, no percentages) or any decimal (ERR, ER, citation index). */
    public enum Kind {
        WHOLE, DECIMAL
    }

    /**
     * The number conventions a page declares by its language; used only to choose between readings the grammar allows.
     * {@code RU}: spaces and apostrophes group, a dot is decimal (TGStat's Russian pages print {@code 6.5%},
     * {@code 162.5k}); a comma before exactly three digits fits neither reading there and stays refused. {@code EN}:
     * commas, spaces and apostrophes group, a dot is decimal. {@code NONE}: no tie is broken.
     */
    public enum Convention {
        NONE(""), RU(" '"), EN(" ',");

        private final String grouping;

        Convention(String grouping) {
            this.grouping = grouping;
        }

        /** The convention of a page in {@code lang} (its {@code <html lang>}); NONE when unknown. */
        public static Convention ofLanguage(String lang) {
            String l = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
            if (l.startsWith("en")) {
                return EN;
            }
            if (l.startsWith("ru") || l.startsWith("uk") || l.startsWith("be") || l.startsWith("kk")
                    || l.startsWith("uz")) {
                return RU;
            }
            return NONE;
        }

        boolean allows(char groupingChar, char decimalChar) {
            if (this == NONE) {
                return true;
            }
            boolean groupOk = groupingChar == 0 || grouping.indexOf(groupingChar) >= 0;
            boolean decimalOk = decimalChar == 0 || decimalChar == '.';
            return groupOk && decimalOk;
        }
    }

    /** The outcome of reading one value. */
    public sealed interface Reading {
    }

    /**
     * A value.
     *
     * @param approximate
     *            the page shows it rounded ({@code ≈ 1 200}, {@code 162.5k})
     */
    public record Value(BigDecimal value, boolean approximate) implements Reading {
    }

    /** "No data" ({@code —}): null, not zero. */
    public record NoData() implements Reading {
    }

    /** A number the grammar reads in more than one way; never written. */
    public record Refused(String text, String reason) implements Reading {
    }

    /** Thrown by the convenience methods for a refused (ambiguous) number. */
    public static final class AmbiguousNumberException extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        AmbiguousNumberException(String message) {
            super(message);
        }
    }

    private static final Pattern SHAPE = Pattern
            .compile("^(?:(≈|~|около|примерно|approx\\.?|about)\\s*)?([+-])?\\s*(\\d(?:[\\d ',.]*\\d)?)\\s*"
                    + "(тыс\\.?|тысяч[аи]?|thousand|млн\\.?|миллион(?:а|ов)?|million|mln|mio|млрд\\.?|миллиард(?:а|ов)?"
                    + "|billion|bn|k|к|m|м|b)?\\s*(%)?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Numbers() {
    }

    /**
     * Reads one value.
     *
     * @throws NumberFormatException
     *             when the text is neither a number nor a "no data" mark
     */
    public static Reading read(String text, Kind kind, Convention convention) {
        if (text == null) {
            return new NoData();
        }
        String s = normalize(text);
        if (s.isEmpty() || s.equals("-") || s.equals("—") || s.equals("–") || s.equalsIgnoreCase("n/a")
                || s.equalsIgnoreCase("нет данных")) {
            return new NoData();
        }
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) {
            throw new NumberFormatException("not a number: '" + text.strip() + "'");
        }
        boolean negative = "-".equals(m.group(2));
        BigDecimal multiplier = multiplier(m.group(4));
        boolean percent = m.group(5) != null;
        if (percent && multiplier != null) {
            throw new NumberFormatException("a percentage with a multiplier: '" + text.strip() + "'");
        }
        if (percent && kind == Kind.WHOLE) {
            throw new NumberFormatException("a percentage where a count is expected: '" + text.strip() + "'");
        }
        List<Candidate> candidates = readings(m.group(3));
        if (candidates.isEmpty()) {
            throw new NumberFormatException("separators do not form a number: '" + text.strip() + "'");
        }
        List<Candidate> valid = new ArrayList<>();
        for (Candidate c : candidates) {
            BigDecimal v = multiplier == null ? c.value : c.value.multiply(multiplier);
            if (kind == Kind.WHOLE) {
                if (multiplier != null) {
                    v = v.setScale(0, RoundingMode.HALF_UP);
                } else if (v.stripTrailingZeros().scale() > 0) {
                    continue;
                }
            }
            valid.add(new Candidate(negative ? v.negate() : v, c.grouping, c.decimal));
        }
        if (valid.isEmpty()) {
            throw new NumberFormatException("not a whole number: '" + text.strip() + "'");
        }
        boolean approximate = m.group(1) != null || multiplier != null;
        Set<BigDecimal> values = distinct(valid);
        if (values.size() > 1) {
            List<Candidate> byConvention = valid.stream().filter(c -> convention.allows(c.grouping, c.decimal))
                    .toList();
            if (!byConvention.isEmpty() && distinct(byConvention).size() == 1) {
                return new Value(normal(byConvention.get(0).value), approximate);
            }
            List<String> readings = values.stream().map(BigDecimal::toPlainString).toList();
            return new Refused(text.strip(),
                    "ambiguous: '" + text.strip() + "' reads as " + String.join(" or ", readings));
        }
        return new Value(normal(valid.get(0).value), approximate);
    }

    /** {@link #read} without a page convention, for a decimal field; empty for "no data". */
    public static Optional<BigDecimal> parse(String text) {
        return value(read(text, Kind.DECIMAL, Convention.NONE));
    }

    /** {@link #read} without a page convention, for a count. */
    public static Optional<Long> parseLong(String text) {
        return value(read(text, Kind.WHOLE, Convention.NONE)).map(BigDecimal::longValueExact);
    }

    /** Null for "no data", the number otherwise. */
    public static BigDecimal decimalOrNull(String text) {
        return parse(text).orElse(null);
    }

    /** Null for "no data", the whole number otherwise. */
    public static Long longOrNull(String text) {
        return parseLong(text).orElse(null);
    }

    private static Optional<BigDecimal> value(Reading reading) {
        if (reading instanceof Value v) {
            return Optional.of(v.value());
        }
        if (reading instanceof Refused r) {
            throw new AmbiguousNumberException(r.reason());
        }
        return Optional.empty();
    }

    private record Candidate(BigDecimal value, char grouping, char decimal) {
    }

    /** Every reading of a digit string with separators; empty when none is valid. */
    private static List<Candidate> readings(String digits) {
        List<String> groups = new ArrayList<>();
        List<Character> seps = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (Character.isDigit(c)) {
                run.append(c);
            } else {
                if (run.isEmpty()) {
                    return List.of(); // two separators in a row
                }
                groups.add(run.toString());
                seps.add(c);
                run.setLength(0);
            }
        }
        groups.add(run.toString());
        List<Candidate> out = new ArrayList<>();
        if (seps.isEmpty()) {
            out.add(new Candidate(new BigDecimal(groups.get(0)), (char) 0, (char) 0));
            return out;
        }
        // 1. every separator groups thousands
        char first = seps.get(0);
        if (seps.stream().allMatch(c -> c == first) && validGrouping(groups)) {
            out.add(new Candidate(new BigDecimal(String.join("", groups)), first, (char) 0));
        }
        // 2. the last separator is a decimal mark (a comma or a dot), the others group
        char last = seps.get(seps.size() - 1);
        if (last == ',' || last == '.') {
            List<Character> grouping = seps.subList(0, seps.size() - 1);
            List<String> intGroups = groups.subList(0, groups.size() - 1);
            char g = grouping.isEmpty() ? 0 : grouping.get(0);
            boolean sameGrouping = grouping.stream().allMatch(c -> c == g);
            if (sameGrouping && g != last && (grouping.isEmpty() || validGrouping(intGroups))) {
                out.add(new Candidate(new BigDecimal(String.join("", intGroups) + "." + groups.get(groups.size() - 1)),
                        g, last));
            }
        }
        return out;
    }

    /** Groups of thousands: the first of one to three digits (not a lone zero), the others of exactly three. */
    private static boolean validGrouping(List<String> groups) {
        String head = groups.get(0);
        if (head.length() > 3 || head.startsWith("0")) {
            return false;
        }
        for (int i = 1; i < groups.size(); i++) {
            if (groups.get(i).length() != 3) {
                return false;
            }
        }
        return true;
    }

    private static Set<BigDecimal> distinct(List<Candidate> candidates) {
        Set<BigDecimal> values = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            values.add(normal(c.value));
        }
        return values;
    }

    private static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static BigDecimal multiplier(String suffix) {
        if (suffix == null) {
            return null;
        }
        String s = suffix.toLowerCase(Locale.ROOT);
        if (s.startsWith("тыс") || s.equals("thousand") || s.equals("k") || s.equals("к")) {
            return BigDecimal.valueOf(1_000);
        }
        if (s.startsWith("млрд") || s.startsWith("миллиард") || s.equals("billion") || s.equals("bn")
                || s.equals("b")) {
            return BigDecimal.valueOf(1_000_000_000);
        }
        return BigDecimal.valueOf(1_000_000);
    }

    /**
     * Collapses every kind of space to one ASCII space, the Unicode minus and dashes before digits to '-', typographic
     * apostrophes to {@code '}.
     */
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
            } else if (c == '\u2019' || c == '`' || c == '\u00b4' || c == '\u02bc') {
                out.append('\'');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
