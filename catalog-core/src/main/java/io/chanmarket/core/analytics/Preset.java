package io.chanmarket.core.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chart range: the last {@code count} days in 1-day steps or the last {@code count} weeks (Monday to Sunday) in
 * 1-week steps, ending with the current (partial) day or week.
 */
public record Preset(String id, Step step, int count) {

    public enum Step {
        DAY, WEEK
    }

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,3})([dw])");

    /** Parses {@code 14d} or {@code 50w}. */
    public static Preset parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a preset is <count>d or <count>w, got '" + text + "'");
        }
        Step step = m.group(2).equals("d") ? Step.DAY : Step.WEEK;
        return new Preset(m.group(1) + m.group(2), step, Integer.parseInt(m.group(1)));
    }

    /** The first day of the step that holds {@code day}. */
    public LocalDate bucketOf(LocalDate day) {
        return step == Step.DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** First day of the range. */
    public LocalDate from(LocalDate today) {
        LocalDate last = bucketOf(today);
        return step == Step.DAY ? last.minusDays(count - 1L) : last.minusWeeks(count - 1L);
    }

    /** The first day of every step, oldest first. */
    public List<LocalDate> buckets(LocalDate today) {
        List<LocalDate> buckets = new ArrayList<>(count);
        LocalDate b = from(today);
        for (int i = 0; i < count; i++) {
            buckets.add(b);
            b = b.plus(1, step == Step.DAY ? ChronoUnit.DAYS : ChronoUnit.WEEKS);
        }
        return buckets;
    }
}
