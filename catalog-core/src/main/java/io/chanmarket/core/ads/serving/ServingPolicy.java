package io.chanmarket.core.ads.serving;

import java.util.List;

/**
 * Chooses among the campaigns a client may be shown. The server tries the policy's best candidates in its order, then
 * (rarely) every other candidate in snapshot order.
 */
interface ServingPolicy {

    /** The best candidates of {@code candidates} ({@link Candidates#admits}), best first, each once. */
    List<Slot> best(Candidates candidates, int today);

    /**
     * Whether {@code slot} should rather keep its units for other viewers than count one for this client now. The
     * server then counts it only when the client would otherwise get no ad at all.
     */
    default boolean holdsBack(Candidates candidates, Slot slot, int today) {
        return false;
    }

    /**
     * Whether a held-back candidate is counted after all when the client would otherwise get no ad (true), or the
     * client gets no ad then (false: the unit is worth more to a later visitor).
     */
    default boolean servesHeldBack() {
        return true;
    }
}
