package io.chanmarket.core.platform.shared;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Prefixes every Redis key with {@code app.redis.key-prefix}, so that several deployments (or test runs) can share one
 * Redis without seeing each other's keys.
 */
@Singleton
public class RedisKeys {

    private final String prefix;

    public RedisKeys(@Value("${app.redis.key-prefix:cm:}") String prefix) {
        this.prefix = prefix;
    }

    public String key(String kind, String name) {
        return prefix + kind + ":" + name;
    }

    public String prefix() {
        return prefix;
    }
}
