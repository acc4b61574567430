package io.chanmarket.core.platform.shared;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.OptionalLong;

/** Counters shared by every node through Redis. */
@Singleton
@Requires(property = "redis.uri")
public class RedisCounters implements Counters {

    // Returns the new value, or false (nil) when it would pass the maximum.
    private static final String ADD_IF_AT_MOST = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            local next = current + tonumber(ARGV[1])
            if next > tonumber(ARGV[2]) then
              return false
            end
            redis.call('SET', KEYS[1], next)
            return next
            """;

    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;

    public RedisCounters(StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this.redis = connection.sync();
        this.keys = keys;
    }

    private String key(String name) {
        return keys.key("counter", name);
    }

    @Override
    public long add(String key, long delta) {
        return redis.incrby(key(key), delta);
    }

    @Override
    public long get(String key) {
        String value = redis.get(key(key));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public OptionalLong addIfAtMost(String key, long delta, long max) {
        Long next = redis.eval(ADD_IF_AT_MOST, ScriptOutputType.INTEGER, new String[] { key(key) },
                Long.toString(delta), Long.toString(max));
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    @Override
    public void set(String key, long value) {
        redis.set(key(key), Long.toString(value));
    }

    @Override
    public void delete(String key) {
        redis.del(key(key));
    }
}
