package io.chanmarket.core.ads;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The change bus of a single node, used when no Redis is configured. Delivery is synchronous. */
@Singleton
@Requires(missingProperty = "redis.uri")
public class InProcessChangeBus implements ChangeBus {

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String message) {
        listeners.forEach(listener -> listener.accept(message));
    }

    @Override
    public void subscribe(Consumer<String> listener) {
        listeners.add(listener);
    }
}
