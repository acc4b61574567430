package io.chanmarket.core.catalog.metrics;

/** Where a row of metrics came from (stored in {@code channel_metric_history.source}). */
public enum MetricSource {
    TGSTAT_HTML, TGSTAT_API, TELEMETR, MANUAL
}
