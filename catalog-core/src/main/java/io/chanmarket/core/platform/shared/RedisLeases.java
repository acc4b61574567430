package io.chanmarket.core.platform.shared;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** Leases shared by every node through Redis: one key per lease holding the owner, with a TTL. */
@Singleton
@Requires(property = "redis.uri")
public class RedisLeases implements Leases {

    // Take the lease when free, or extend it when the caller already holds it.
    private static final String ACQUIRE = """
            local holder = redis.call('GET', KEYS[1])
            if holder == false or holder == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;

    public RedisLeases(StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this.redis = connection.sync();
        this.keys = keys;
    }

    @Override
    public boolean tryAcquire(String name, String owner, Duration ttl) {
        Long taken = redis.eval(ACQUIRE, ScriptOutputType.INTEGER, new String[] { keys.key("lease", name) }, owner,
                Long.toString(Math.max(1, ttl.toMillis())));
        return taken != null && taken == 1L;
    }

    @Override
    public void release(String name, String owner) {
        redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] { keys.key("lease", name) }, owner);
    }

    @Override
    public Optional<String> holder(String name) {
        return Optional.ofNullable(redis.get(keys.key("lease", name)));
    }
}
