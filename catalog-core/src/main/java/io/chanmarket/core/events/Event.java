package io.chanmarket.core.events;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One fact for the event log. */
public record Event(EventType type, Instant occurredAt, @Nullable Long userId, @Nullable Long categoryId,
        @Nullable Long channelId, @Nullable Long trackedLinkId, @Nullable String payload) {

    public static Event of(EventType type, long userId) {
        return new Event(type, Instant.now(), userId, null, null, null, null);
    }

    public Event withCategory(Long id) {
        return new Event(type, occurredAt, userId, id, channelId, trackedLinkId, payload);
    }

    public Event withChannel(Long id) {
        return new Event(type, occurredAt, userId, categoryId, id, trackedLinkId, payload);
    }

    public Event withLink(Long id, String deepLinkPayload) {
        return new Event(type, occurredAt, userId, categoryId, channelId, id, deepLinkPayload);
    }
}
