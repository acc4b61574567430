package io.chanmarket.parsers.refresh;

import io.chanmarket.parsers.result.ResultStatus;
import java.time.Instant;

/** One fetch attempt from the log. */
record FetchAttempt(long channelId, String source, Instant attemptedAt, ResultStatus status, String reason,
        long durationMs) {
}
