-- Precomputed conversion totals per analytics preset, so a conversions page reads at most one row per
-- channel (or category) instead of aggregating the rollups per request. Maintained by
-- io.chanmarket.core.catalog.analytics.ConversionTotals: recomputed from the rollups when a preset's
-- day range (or the time zone) changes, and advanced by each fold in the same transaction.

-- One row per preset and target: which day range, time zone and event_log watermark the totals cover.
CREATE TABLE analytics_conversion_state (
    preset         TEXT    NOT NULL,
    target         TEXT    NOT NULL,   -- CHANNEL or CATEGORY
    weekly         BOOLEAN NOT NULL,   -- events count by the Monday of their week (week presets)
    first_day      DATE    NOT NULL,
    last_day       DATE    NOT NULL,
    time_zone      TEXT    NOT NULL,
    last_event_id  BIGINT  NOT NULL,
    computed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (preset, target)
);

-- Channel opens, "Price" and "Contact manager" clicks per preset, target and channel or category id.
CREATE TABLE analytics_conversion_total (
    preset          TEXT   NOT NULL,
    target          TEXT   NOT NULL,
    key_id          BIGINT NOT NULL,
    opens           BIGINT NOT NULL,
    price_clicks    BIGINT NOT NULL,
    contact_clicks  BIGINT NOT NULL,
    PRIMARY KEY (preset, target, key_id)
);
