package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.ChannelCatalog;
import io.chanmarket.core.events.Event;
import io.chanmarket.core.events.EventLog;
import io.chanmarket.core.events.EventType;
import io.chanmarket.core.links.StartPayload;
import io.chanmarket.core.links.TrackedLink;
import io.chanmarket.core.links.TrackedLinks;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Routes a start payload to the page it names, counting tracked-link arrivals. Unknown or malformed payloads lead home
 * with a notice, never to an error.
 */
@Singleton
class DeepLinks {

    /** Where a payload leads. */
    sealed interface Target {
        record ToChannel(long id) implements Target {
        }

        record ToCategory(long id) implements Target {
        }

        /** A comparison of the named channels (the page drops ones that are gone). */
        record ToCompare(java.util.List<Long> ids) implements Target {
        }

        /** Home, with a notice key when the payload could not be followed. */
        record Home(String noticeKey) implements Target {
        }
    }

    private final ChannelCatalog catalog;
    private final TrackedLinks links;
    private final EventLog events;
    private final MiniAppSettings settings;

    DeepLinks(ChannelCatalog catalog, TrackedLinks links, EventLog events, MiniAppSettings settings) {
        this.catalog = catalog;
        this.links = links;
        this.events = events;
        this.settings = settings;
    }

    Target resolve(String raw, long userId) {
        StartPayload payload = StartPayload.parse(raw);
        if (payload instanceof StartPayload.None) {
            return new Target.Home(null);
        }
        Long linkId = null;
        Target target = new Target.Home("notice.link.unknown");
        if (payload instanceof StartPayload.Channel c) {
            target = channel(c.id());
        } else if (payload instanceof StartPayload.Category c) {
            target = category(c.id());
        } else if (payload instanceof StartPayload.Compare c) {
            target = new Target.ToCompare(c.ids());
        } else if (payload instanceof StartPayload.LinkCode code) {
            Optional<TrackedLink> link = links.byCode(code.code());
            if (link.isPresent()) {
                linkId = link.get().id();
                links.recordArrival(linkId, userId);
                target = link.get().channelId() != null ? channel(link.get().channelId())
                        : link.get().categoryId() != null ? category(link.get().categoryId()) : new Target.Home(null);
            }
        }
        Event arrival = Event.of(EventType.DEEP_LINK_ARRIVAL, userId).withLink(linkId,
                raw.length() > 64 ? raw.substring(0, 64) : raw);
        if (target instanceof Target.ToChannel c) {
            arrival = arrival.withChannel(c.id());
        } else if (target instanceof Target.ToCategory c) {
            arrival = arrival.withCategory(c.id());
        }
        events.record(arrival);
        return target;
    }

    /** The shareable link that opens the Mini App through a tracked-link code. */
    String shareUrl(String code) {
        return code == null ? null : appUrl(code);
    }

    /** The link that opens the Mini App with a start payload. */
    String appUrl(String payload) {
        return StartPayload.appLink(settings.botUsername(), payload);
    }

    private Target channel(long id) {
        return catalog.summaries(List.of(id)).isEmpty() ? new Target.Home("notice.link.unknown")
                : new Target.ToChannel(id);
    }

    private Target category(long id) {
        return catalog.category(id).isPresent() ? new Target.ToCategory(id) : new Target.Home("notice.link.unknown");
    }
}
