package io.chanmarket.core.ads.serving;

import java.util.List;

/** Chooses among the campaigns a client may be shown: ranks them, best first (the server takes the first it can). */
interface ServingPolicy {

    List<Slot> rank(ClientProfile profile, List<Slot> candidates, int today);
}
