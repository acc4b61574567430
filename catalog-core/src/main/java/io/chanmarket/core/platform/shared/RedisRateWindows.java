package io.chanmarket.core.platform.shared;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Rate windows in Redis: one counter per key and window, created with the window's expiry. */
@Singleton
@Requires(property = "redis.uri")
class RedisRateWindows implements RateWindows {

    // 0 when taken; else the window's remaining milliseconds.
    private static final String TAKE = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            if count > tonumber(ARGV[1]) then
              local left = redis.call('PTTL', KEYS[1])
              if left < 1 then
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
                left = tonumber(ARGV[2])
              end
              return left
            end
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;

    RedisRateWindows(StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this.redis = connection.sync();
        this.keys = keys;
    }

    @Override
    public long take(String key, int limit, Duration window) {
        Long left = redis.eval(TAKE, ScriptOutputType.INTEGER, new String[] { keys.key("rate", key) },
                Integer.toString(limit), Long.toString(window.toMillis()));
        return left == null || left <= 0 ? 0 : Math.max(1, (left + 999) / 1000);
    }
}
