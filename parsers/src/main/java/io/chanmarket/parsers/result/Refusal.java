package io.chanmarket.parsers.result;

/**
 * A value the parser would not read: a number the grammar reads in more than one way, or a date it cannot read. The
 * field keeps its old value; the page is flagged for admins.
 *
 * @param field
 *            the {@link ChannelStats} / {@link AudienceStats} component name ({@code subscribers}, {@code errPct})
 */
public record Refusal(String field, String text, String reason) {
}
