package io.chanmarket.core.ads.serving;

import io.chanmarket.core.platform.shared.RedisKeys;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Claims through one Redis set per client holding the campaigns it has been counted for ({@code SADD}). */
@Singleton
@Requires(property = "redis.uri")
class RedisImpressionGuard implements ImpressionGuard {

    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;

    RedisImpressionGuard(StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this.redis = connection.sync();
        this.keys = keys;
    }

    private String key(UUID clientId) {
        return keys.key("ads-seen", clientId.toString());
    }

    @Override
    public boolean claim(UUID campaignId, UUID clientId) {
        return redis.sadd(key(clientId), campaignId.toString()) == 1L;
    }

    @Override
    public void release(UUID campaignId, UUID clientId) {
        redis.srem(key(clientId), campaignId.toString());
    }

    @Override
    public boolean remote() {
        return true;
    }
}
