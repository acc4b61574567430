package io.chanmarket.core.events;

/** What a user did; stored by name in {@code event_log.type}. */
public enum EventType {
    MINIAPP_OPEN, CATEGORY_OPEN, CHANNEL_OPEN, PRICE_CLICK, CONTACT_MANAGER_CLICK, FAVORITE_ADD, FAVORITE_REMOVE,
    DEEP_LINK_ARRIVAL, COMPARE_OPEN
}
