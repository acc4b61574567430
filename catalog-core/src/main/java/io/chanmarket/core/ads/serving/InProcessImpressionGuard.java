package io.chanmarket.core.ads.serving;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * On a single node the client's profile (its set of seen campaigns, updated atomically before the counter moves) is
 * already the guard, so this claims everything.
 */
@Singleton
@Requires(missingProperty = "redis.uri")
class InProcessImpressionGuard implements ImpressionGuard {

    @Override
    public boolean claim(UUID campaignId, UUID clientId) {
        return true;
    }

    @Override
    public void release(UUID campaignId, UUID clientId) {
    }

    @Override
    public boolean remote() {
        return false;
    }
}
