package io.chanmarket.parsers.warnings;

import io.chanmarket.core.catalog.metrics.MetricSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warning signs computed from a channel's metric history (thresholds are ours to tune, not TGStat's rules):
 * <ul>
 * <li>{@code LOW_REACH}: average reach below {@value #LOW_REACH_PCT}% of subscribers;
 * <li>{@code HIGH_ERR_FALLING_SUBSCRIBERS}: ERR above {@value #HIGH_ERR_PCT}% while subscribers fall;
 * <li>{@code HIGH_ERR_LOW_ER}: ERR above {@value #HIGH_ERR_PCT}% with ER below {@value #LOW_ER_PCT}% (views without any
 * reaction);
 * <li>{@code SUBSCRIBER_JUMP}: subscribers up by more than {@value #JUMP_PCT}% between two fetches a day or two apart;
 * <li>{@code EVEN_REACH}: average reach varying by less than {@value #EVEN_CV_PCT}% over at least
 * {@value #EVEN_MIN_POINTS} fetches (real audiences wobble; bought views often do not).
 * </ul>
 */
final class WarningHeuristics {

    static final double LOW_REACH_PCT = 3;
    static final double HIGH_ERR_PCT = 20;
    static final double LOW_ER_PCT = 0.3;
    static final double JUMP_PCT = 10;
    static final long JUMP_MIN_SUBSCRIBERS = 500;
    static final double EVEN_CV_PCT = 0.5;
    static final int EVEN_MIN_POINTS = 7;
    static final long MIN_SUBSCRIBERS = 1_000;

    private WarningHeuristics() {
    }

    /** The warnings for a history, newest first (rows without values are skipped). */
    public static List<Warning> evaluate(List<MetricSnapshot> newestFirst) {
        List<MetricSnapshot> rows = newestFirst.stream().filter(r -> r.subscribers() != null).toList();
        List<Warning> warnings = new ArrayList<>();
        if (rows.isEmpty()) {
            return warnings;
        }
        MetricSnapshot latest = rows.get(0);
        long subscribers = latest.subscribers();
        if (subscribers >= MIN_SUBSCRIBERS && latest.avgReach() != null) {
            double reachPct = 100.0 * latest.avgReach() / subscribers;
            if (reachPct < LOW_REACH_PCT) {
                warnings.add(new Warning("LOW_REACH", String.format(Locale.ROOT,
                        "average reach %d is %.1f%% of %d subscribers", latest.avgReach(), reachPct, subscribers)));
            }
        }
        double err = pct(latest.errPct());
        MetricSnapshot oldest = rows.get(rows.size() - 1);
        if (err > HIGH_ERR_PCT && rows.size() > 1 && oldest.subscribers() > subscribers) {
            warnings.add(new Warning("HIGH_ERR_FALLING_SUBSCRIBERS", String.format(Locale.ROOT,
                    "ERR %.1f%% while subscribers fell from %d to %d", err, oldest.subscribers(), subscribers)));
        }
        if (err > HIGH_ERR_PCT && latest.erPct() != null && latest.erPct().doubleValue() < LOW_ER_PCT) {
            warnings.add(new Warning("HIGH_ERR_LOW_ER",
                    String.format(Locale.ROOT, "ERR %.1f%% but ER only %.2f%%", err, latest.erPct().doubleValue())));
        }
        for (int i = 0; i + 1 < rows.size(); i++) {
            MetricSnapshot newer = rows.get(i);
            MetricSnapshot older = rows.get(i + 1);
            long gain = newer.subscribers() - older.subscribers();
            long hours = java.time.Duration.between(older.fetchedAt(), newer.fetchedAt()).toHours();
            if (hours <= 48 && gain >= JUMP_MIN_SUBSCRIBERS && older.subscribers() > 0
                    && 100.0 * gain / older.subscribers() > JUMP_PCT) {
                warnings.add(new Warning("SUBSCRIBER_JUMP",
                        String.format(Locale.ROOT, "+%d subscribers (%.0f%%) in %d h, from %d to %d", gain,
                                100.0 * gain / older.subscribers(), hours, older.subscribers(), newer.subscribers())));
                break;
            }
        }
        List<Long> reaches = rows.stream().map(MetricSnapshot::avgReach).filter(r -> r != null && r > 0).toList();
        if (reaches.size() >= EVEN_MIN_POINTS) {
            double mean = reaches.stream().mapToLong(Long::longValue).average().orElse(0);
            double variance = reaches.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / reaches.size();
            double cv = 100 * Math.sqrt(variance) / mean;
            if (cv < EVEN_CV_PCT) {
                warnings.add(new Warning("EVEN_REACH", String.format(Locale.ROOT,
                        "average reach varied by only %.2f%% over %d fetches", cv, reaches.size())));
            }
        }
        return warnings;
    }

    private static double pct(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }
}
