package io.chanmarket.parsers.fetch;

import java.time.Instant;
import java.util.Optional;

/** Good replies by URL, so a channel is asked for at most once per cache period. */
public interface ResponseCache {

    /** The reply stored for {@code url} at or after {@code notBefore}. */
    Optional<Page> get(String url, Instant notBefore);

    void put(String url, Page page);

    /** Forgets replies stored before {@code before}. */
    void evictOlderThan(Instant before);
}
