package io.chanmarket.core.ads.serving;

/** Chooses among the campaigns a client may be shown: ranks them, best first (the server takes the first it can). */
interface ServingPolicy {

    /** The order to try the candidates in: their positions in {@code candidates}, best first, each exactly once. */
    int[] rank(Candidates candidates, int today);

    /**
     * Whether {@code slot} should rather keep its units for other viewers than count one for this client now. The
     * server then counts it only when the client would otherwise get no ad at all.
     */
    default boolean holdsBack(Candidates candidates, Slot slot, int today) {
        return false;
    }
}
