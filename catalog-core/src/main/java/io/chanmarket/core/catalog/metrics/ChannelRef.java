package io.chanmarket.core.catalog.metrics;

import java.time.Instant;

/**
 * What a parser needs to know about a channel to refresh it.
 *
 * @param metricsUpdatedAt
 *            when TGStat values were last written; null when never
 * @param demo
 *            a demo channel: its numbers are made up and never fetched
 */
public record ChannelRef(long id, String username, String tgstatUrl, String telemetrUrl, Instant metricsUpdatedAt,
        boolean demo) {
}
