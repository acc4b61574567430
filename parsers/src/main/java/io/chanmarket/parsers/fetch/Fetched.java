package io.chanmarket.parsers.fetch;

import io.chanmarket.parsers.result.ParseResult;
import java.time.Instant;

/**
 * A parsed reply, and whether it is new.
 *
 * @param fetchedAt
 *            when the reply left the source (the cache time for a cached one; now for a failure)
 */
public record Fetched<T>(ParseResult<T> result, Instant fetchedAt, boolean fromCache) {
}
