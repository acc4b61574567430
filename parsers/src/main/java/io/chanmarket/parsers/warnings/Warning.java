package io.chanmarket.parsers.warnings;

/**
 * One of our own warning signs about a channel (not TGStat's verdict): a hint for an admin to look closer.
 *
 * @param code
 *            {@code EVEN_REACH}, {@code LOW_REACH}, {@code HIGH_ERR_FALLING_SUBSCRIBERS}, {@code HIGH_ERR_LOW_ER},
 *            {@code SUBSCRIBER_JUMP}
 * @param detail
 *            the numbers behind it, in plain words
 */
public record Warning(String code, String detail) {
}
