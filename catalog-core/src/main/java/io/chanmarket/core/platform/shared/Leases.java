package io.chanmarket.core.platform.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * Named, time-limited leases so that exactly one node runs a singleton job (bot polling, parser schedule, mailing
 * sender). A holder keeps its lease by acquiring it again before the TTL ends; a crashed holder loses it when the TTL
 * runs out.
 */
public interface Leases {

    /**
     * Takes the lease for {@code owner}, or renews it when {@code owner} already holds it.
     *
     * @return true when {@code owner} holds the lease for {@code ttl} from now
     */
    boolean tryAcquire(String name, String owner, Duration ttl);

    /** Gives the lease up if {@code owner} holds it; otherwise does nothing. */
    void release(String name, String owner);

    /** Who holds the lease now, if anyone. */
    Optional<String> holder(String name);
}
