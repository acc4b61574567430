package io.chanmarket.core.ads.serving;

import java.util.UUID;

/**
 * Claims the right to count the impression of one (campaign, client) pair before the campaign's counter moves, so that
 * two nodes serving the same client at once do not both take a unit of the campaign's limit for one impression. The
 * primary key of {@code ad_impression} stays the truth; this only keeps the counters tight.
 */
interface ImpressionGuard {

    /** True when this caller is the first to claim the pair. */
    boolean claim(UUID campaignId, UUID clientId);

    /** Gives a claim back (the impression was not counted after all). */
    void release(UUID campaignId, UUID clientId);

    /** Whether claims (and the shared counters beside them) take network round trips, i.e. may block. */
    boolean remote();
}
