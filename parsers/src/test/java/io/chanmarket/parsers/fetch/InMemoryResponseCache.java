package io.chanmarket.parsers.fetch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The response cache in a map, for tests of the fetcher without a database. */
public final class InMemoryResponseCache implements ResponseCache {

    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    @Override
    public Optional<Page> get(String url, Instant notBefore) {
        Page page = pages.get(url);
        return page == null || page.fetchedAt().isBefore(notBefore) ? Optional.empty()
                : Optional.of(new Page(page.status(), page.body(), page.charset(), page.fetchedAt(), true));
    }

    @Override
    public void put(String url, Page page) {
        pages.put(url, page);
    }

    @Override
    public void evictOlderThan(Instant before) {
        pages.values().removeIf(p -> p.fetchedAt().isBefore(before));
    }
}
