package io.chanmarket.core.catalog.metrics;

/**
 * The channel columns a TGStat write sets, by name, so a parser can keep one of them as it was (a value it refused to
 * read, a value held back for an admin's confirmation, labels it could not look at).
 */
public enum StatField {
    SUBSCRIBERS("subscribers", false), AVG_REACH("avg_reach", false), AD_REACH_12H("ad_reach_12h", false),
    AD_REACH_24H("ad_reach_24h", false), AD_REACH_48H("ad_reach_48h", false), ERR_PCT("err_pct", true),
    ERR24_PCT("err24_pct", true), ER_PCT("er_pct", true), CITATION_INDEX("citation_index", true),
    POSTS_COUNT("posts_count", false),
    /** Both TGStat labels ({@code red_label}, {@code black_label}) together. */
    LABELS(null, false);

    private final String column;
    private final boolean decimal;

    StatField(String column, boolean decimal) {
        this.column = column;
        this.decimal = decimal;
    }

    /** The {@code channel} column (and {@code channel_metric_history} column); null for {@link #LABELS}. */
    public String column() {
        return column;
    }

    /** Whether the column holds a decimal (else a whole number). */
    public boolean decimal() {
        return decimal;
    }
}
