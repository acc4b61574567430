package io.chanmarket.core.ads.serving;

import java.util.List;

/** Chooses among the campaigns a client may be shown: ranks them, best first (the server takes the first it can). */
interface ServingPolicy {

    List<Slot> rank(ClientProfile profile, List<Slot> candidates, int today);

    /**
     * Whether {@code slot} should rather keep its units for other viewers than count one for this client now. The
     * server then counts it only when the client would otherwise get no ad at all.
     */
    default boolean holdsBack(ClientProfile profile, Slot slot, int today) {
        return false;
    }
}
