package io.chanmarket.core.platform.shared;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How the Redis client behaves while Redis is away (docs/security.md): commands time out after
 * {@code app.redis.command-timeout} (default 500 ms) instead of Lettuce's 60 s, are rejected at once while the
 * connection is down (no queue that replays stale commands later), and the connection is retried every
 * {@code app.redis.reconnect-delay} (default 200 ms) instead of backing off up to 30 s, so serving answers 503 within a
 * second during an outage and is back within two seconds after Redis returns.
 */
@Singleton
@Requires(property = "redis.uri")
public class RedisOutage implements BeanCreatedEventListener<RedisClient>, ClientResourcesMutator {

    private final Duration commandTimeout;
    private final Duration reconnectDelay;

    RedisOutage(@Value("${app.redis.command-timeout:500ms}") Duration commandTimeout,
            @Value("${app.redis.reconnect-delay:200ms}") Duration reconnectDelay) {
        this.commandTimeout = commandTimeout;
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        RedisClient client = event.getBean();
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(2)).build()).build());
        client.setDefaultTimeout(commandTimeout);
        return client;
    }

    @Override
    public void mutate(io.lettuce.core.resource.ClientResources.Builder builder,
            io.micronaut.configuration.lettuce.AbstractRedisConfiguration config) {
        builder.reconnectDelay(Delay.constant(reconnectDelay));
    }
}
