package io.chanmarket.core.ads;

import io.chanmarket.core.platform.shared.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change bus shared by every node through a Redis pub/sub channel (named under the key prefix, so test runs and
 * deployments sharing a Redis stay apart).
 */
@Singleton
@Requires(property = "redis.uri")
public class RedisChangeBus implements ChangeBus {

    private static final Logger LOG = LoggerFactory.getLogger(RedisChangeBus.class);

    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final String channel;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public RedisChangeBus(RedisClient client, StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this.connection = connection;
        this.channel = keys.key("channel", "ads-changes");
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    deliver(message);
                }
            }
        });
        subscription.sync().subscribe(channel);
    }

    private void deliver(String message) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("Change listener failed on '{}': {}", message, e.toString());
            }
        }
    }

    /**
     * Delivers to this node's listeners at once (so a change is visible here before the request that made it returns),
     * then to every node through Redis; this node hears it a second time, which listeners must tolerate.
     */
    @Override
    public void publish(String message) {
        deliver(message);
        connection.sync().publish(channel, message);
    }

    @Override
    public void subscribe(Consumer<String> listener) {
        listeners.add(listener);
    }

    @PreDestroy
    void close() {
        subscription.close();
    }
}
