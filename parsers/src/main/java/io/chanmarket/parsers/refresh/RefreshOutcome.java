package io.chanmarket.parsers.refresh;

import io.chanmarket.parsers.result.ResultStatus;

/**
 * How one channel's refresh ended.
 *
 * @param telemetr
 *            null when Telemetr is switched off
 * @param written
 *            whether new values reached the catalog (false for failures and for cached replies already written)
 */
public record RefreshOutcome(long channelId, ResultStatus tgstat, ResultStatus telemetr, boolean written) {
}
