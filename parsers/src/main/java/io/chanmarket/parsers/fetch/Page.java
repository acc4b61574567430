package io.chanmarket.parsers.fetch;

import java.time.Instant;

/**
 * A reply a source parser reads.
 *
 * @param charset
 *            from the Content-Type header; null when the header names none
 * @param fetchedAt
 *            when it came from the network (earlier than now when it comes from the cache)
 */
public record Page(int status, byte[] body, String charset, Instant fetchedAt, boolean fromCache) {
}
