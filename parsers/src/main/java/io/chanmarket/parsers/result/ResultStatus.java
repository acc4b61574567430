package io.chanmarket.parsers.result;

/**
 * How a fetch of one channel ended. Only {@link #OK} carries values; every other status is recorded with its time and
 * reason, and the channel keeps its last good values.
 */
public enum ResultStatus {
    /** Values parsed. */
    OK,
    /** The source does not know the channel. */
    NOT_FOUND,
    /** The source restricts or bans the channel. */
    RESTRICTED,
    /** The source asks us to slow down: HTTP 429, "suspected robot", a captcha, an exhausted quota. */
    RATE_LIMITED,
    /** The page no longer has the labels we expect; the parser needs a look. */
    LAYOUT_CHANGED,
    /** Connection refused or reset, timeout, HTTP 5xx. */
    NETWORK,
    /** We chose not to ask or were refused: robots.txt, an open circuit breaker, a rejected API token. */
    REFUSED
}
