package io.chanmarket.core.ads.reports;

import io.chanmarket.core.ads.AdsException;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/**
 * Which reports to list: by state (null = any) and by the automatic flag (null = any).
 */
public record ReportFilter(@Nullable Report.State state, @Nullable Flag flag) {

    public static final ReportFilter ALL = new ReportFilter(null, null);

    /** The automatic flag: {@code TRUE}/{@code FALSE} the model's answer, {@code PENDING}, {@code NONE} not checked. */
    public enum Flag {
        TRUE, FALSE, PENDING, NONE;

        /** Parses {@code true|false|pending|none} (also {@code yes|no}); blank = null. */
        public static Flag parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> TRUE;
            case "false", "no" -> FALSE;
            case "pending" -> PENDING;
            case "none" -> NONE;
            default -> throw new AdsException.Invalid(
                    "llm_flag must be true, false, pending or none, got '" + value.strip() + "'");
            };
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Parses query values; blank means any. */
    public static ReportFilter parse(String state, String flag) {
        Report.State s = state == null || state.isBlank() ? null : Report.State.parse(state, "state");
        return new ReportFilter(s, Flag.parse(flag));
    }
}
