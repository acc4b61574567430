package io.chanmarket.bot.advertiser;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.UUID;

/**
 * A user's advertiser-chat state: the advertiser they signed in as, the step waiting for their input, and the answers
 * collected so far.
 */
record ChatState(long userId, @Nullable UUID advertiserId, @Nullable String step, Map<String, String> draft) {

    static ChatState empty(long userId) {
        return new ChatState(userId, null, null, Map.of());
    }
}
