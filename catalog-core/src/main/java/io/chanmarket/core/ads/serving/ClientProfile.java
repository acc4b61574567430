package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.clients.Client;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What serving needs about one client, cached in memory: the client, its ML scores by advertiser (missing = 0) with
 * their maximum (for per-client normalisation), and the campaigns it has been counted for (a concurrent set: adding to
 * it is this node's atomic claim of an impression).
 */
record ClientProfile(Client client, Map<UUID, Integer> scores, int maxScore, Set<UUID> seen) {

    int score(UUID advertiserId) {
        return scores.getOrDefault(advertiserId, 0);
    }

    /** The ML score scaled to [0, 1] by the client's best score; 0 when the client has no positive score. */
    double normalisedScore(UUID advertiserId) {
        return maxScore <= 0 ? 0 : (double) score(advertiserId) / maxScore;
    }
}
