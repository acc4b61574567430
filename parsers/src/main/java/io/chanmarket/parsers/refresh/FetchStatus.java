package io.chanmarket.parsers.refresh;

import io.chanmarket.parsers.result.ResultStatus;
import java.time.Instant;

/**
 * The latest fetch of one channel from one source, as admins see it.
 *
 * @param lastSuccessAt
 *            when values were last written; null when never
 */
public record FetchStatus(long channelId, String source, Instant lastAttemptAt, ResultStatus lastStatus,
        String lastReason, Instant lastSuccessAt, int consecutiveFailures) {
}
