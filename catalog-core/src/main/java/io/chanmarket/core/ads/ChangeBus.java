package io.chanmarket.core.ads;

import java.util.function.Consumer;

/**
 * Broadcasts "this changed, drop your cached copy" messages to every node (this one included), so that the in-memory
 * serving state stays consistent across nodes. With Redis it is a pub/sub channel; without Redis it is in-process.
 * Messages are short strings such as {@code campaigns}, {@code day:7} or {@code client:<uuid>}. A message may arrive
 * more than once, so listeners must be idempotent (they only drop or refresh caches).
 */
public interface ChangeBus {

    /** Sends {@code message} to every subscriber on every node. */
    void publish(String message);

    /** Calls {@code listener} for every message published from now on, by any node. */
    void subscribe(Consumer<String> listener);
}
