package io.chanmarket.parsers.review;

import io.chanmarket.core.catalog.metrics.StatField;
import io.chanmarket.parsers.result.ChannelStats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which freshly read values are too implausible to write without an admin: subscribers ten times more or ten times
 * fewer than the channel has (when either side is at least {@value #MIN_SUBSCRIBERS}, so tiny channels may grow), and
 * ERR or ERR24 over 100%. Such a value is held back and shown for confirmation; the channel keeps its value.
 */
public final class Plausibility {

    static final long MIN_SUBSCRIBERS = 1_000;
    static final BigDecimal JUMP = BigDecimal.TEN;
    static final BigDecimal MAX_ERR = BigDecimal.valueOf(100);

    private Plausibility() {
    }

    /** The values of {@code stats} to hold back, given the channel's current values (null where it has none). */
    public static List<Held> check(ChannelStats stats, Map<StatField, BigDecimal> current) {
        List<Held> held = new ArrayList<>();
        Long next = stats.subscribers();
        BigDecimal now = current.get(StatField.SUBSCRIBERS);
        if (next != null && now != null && now.signum() > 0 && Math.max(next, now.longValue()) >= MIN_SUBSCRIBERS) {
            BigDecimal proposed = BigDecimal.valueOf(next);
            if (proposed.compareTo(now.multiply(JUMP)) >= 0 || proposed.multiply(JUMP).compareTo(now) <= 0) {
                held.add(new Held(StatField.SUBSCRIBERS, "subscribers", proposed, now, "subscribers jump from "
                        + now.toPlainString() + " to " + next + " (ten times or more, either way) in one refresh"));
            }
        }
        if (stats.errPct() != null && stats.errPct().compareTo(MAX_ERR) > 0) {
            held.add(new Held(StatField.ERR_PCT, "errPct", stats.errPct(), current.get(StatField.ERR_PCT),
                    "ERR " + stats.errPct().toPlainString() + "% is over 100%"));
        }
        if (stats.err24Pct() != null && stats.err24Pct().compareTo(MAX_ERR) > 0) {
            held.add(new Held(StatField.ERR24_PCT, "err24Pct", stats.err24Pct(), current.get(StatField.ERR24_PCT),
                    "ERR24 " + stats.err24Pct().toPlainString() + "% is over 100%"));
        }
        return held;
    }
}
