package io.chanmarket.parsers.refresh;

import io.chanmarket.core.events.Event;
import io.chanmarket.core.events.EventType;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-open refresh, driven by the product's events: a channel opened ({@link EventType#CHANNEL_OPEN}, recorded by
 * whatever page showed it) asks for fresh numbers when its values are older than the on-open age. Runs in the thread
 * that recorded the event and never fails it.
 */
@Singleton
class OnOpenRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(OnOpenRefresh.class);

    private final ChannelRefresher refresher;

    OnOpenRefresh(ChannelRefresher refresher) {
        this.refresher = refresher;
    }

    @EventListener
    void onEvent(Event event) {
        if (event.type() != EventType.CHANNEL_OPEN || event.channelId() == null) {
            return;
        }
        try {
            refresher.refreshIfStale(event.channelId());
        } catch (RuntimeException e) {
            LOG.warn("On-open refresh of channel {} not queued: {}", event.channelId(), e.getMessage());
        }
    }
}
