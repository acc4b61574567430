package io.chanmarket.parsers.refresh;

/**
 * What a channel page shows next to the numbers.
 *
 * @param stale
 *            the values are older than the on-open age (or missing)
 * @param refreshing
 *            a refresh is queued; the page shows the current values with a "refreshing" mark
 */
public record RefreshMark(boolean stale, boolean refreshing) {
}
