package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.clients.Client;
import io.chanmarket.core.ads.clock.AdClock;
import io.chanmarket.core.platform.shared.Counters;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaigns running today, in memory. A snapshot is built for one (day, campaign changes) pair; a request that
 * finds the day or the campaigns moved on rebuilds it first (one thread builds, the others wait), so serving never sees
 * a campaign outside its dates or with stale targeting on this node, and never reads campaigns from the database per
 * request.
 */
@Singleton
class ServingIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ServingIndex.class);
    /** At most this many upcoming campaigns are weighed by the shadow prices (the soonest first). */
    static final int MAX_UPCOMING = 2_000;

    /**
     * The campaigns running on {@code day}, built when campaigns had changed {@code changes} times. Each slot knows its
     * position in {@code slots} and its advertiser's in {@code advertisers}, so a request works on arrays indexed by
     * them instead of looking campaigns and advertisers up by id. {@code upcoming}: the campaigns that start later
     * within the running ones' windows (not served today; the shadow prices weigh what they will take).
     */
    record Snapshot(int day, long changes, List<Slot> slots, Map<UUID, Slot> byId, Map<UUID, Integer> advertisers,
            List<Slot> upcoming) {

        Snapshot(int day, long changes, List<Slot> slots, Map<UUID, Slot> byId, Map<UUID, Integer> advertisers) {
            this(day, changes, slots, byId, advertisers, List.of());
        }
    }

    private final Campaigns campaigns;
    private final AdClock clock;
    private final Counters counters;
    private final ServingRepository repository;
    private final ShadowPrices prices;
    private volatile Snapshot snapshot = new Snapshot(-1, -1, List.of(), Map.of(), Map.of());

    ServingIndex(Campaigns campaigns, AdClock clock, Counters counters, ServingRepository repository,
            ShadowPrices prices) {
        this.prices = prices;
        this.campaigns = campaigns;
        this.clock = clock;
        this.counters = counters;
        this.repository = repository;
    }

    static String impressionsKey(UUID campaignId) {
        return "ads:impressions:" + campaignId;
    }

    /** Whether {@link #current()} would have to rebuild (and so read the database) first. */
    boolean stale() {
        Snapshot s = snapshot;
        return s.day() != clock.today() || s.changes() != campaigns.changes();
    }

    /** Today's snapshot, rebuilt first when the day or the campaigns changed. */
    Snapshot current() {
        Snapshot s = snapshot;
        if (s.day() == clock.today() && s.changes() == campaigns.changes()) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            int day = clock.today();
            long changes = campaigns.changes();
            if (s.day() != day || s.changes() != changes) {
                s = build(day, changes);
                snapshot = s;
            }
            return s;
        }
    }

    private Snapshot build(int day, long changes) {
        List<Campaign> active = campaigns.activeOn(day);
        List<UUID> ids = active.stream().map(Campaign::campaignId).toList();
        Map<UUID, ServingRepository.Counts> counts = repository.counts(ids);
        Map<UUID, Long> today = repository.impressionsOn(ids, day);
        Map<UUID, Integer> advertisers = new HashMap<>();
        List<Slot> slots = new ArrayList<>(active.size());
        for (Campaign campaign : active) {
            ServingRepository.Counts stored = counts.getOrDefault(campaign.campaignId(),
                    new ServingRepository.Counts(0, 0));
            long counted = reconcile(campaign.campaignId(), stored.impressions());
            long todayCount = today.getOrDefault(campaign.campaignId(), 0L);
            int advertiser = advertisers.computeIfAbsent(campaign.advertiserId(), id -> advertisers.size());
            slots.add(new Slot(campaign, stored.impressions() - todayCount, counted, stored.clicks(), slots.size(),
                    advertiser, prices.of(campaign.campaignId())));
        }
        audiences(slots);
        int lastEnd = active.stream().mapToInt(Campaign::endDate).max().orElse(day);
        List<Slot> upcoming = new ArrayList<>();
        if (lastEnd > day) {
            for (Campaign campaign : campaigns.startingBetween(day + 1, lastEnd, MAX_UPCOMING)) {
                upcoming.add(new Slot(campaign, 0, 0, 0, -1, -1, prices.of(campaign.campaignId())));
            }
        }
        LOG.debug("Serving index for day {}: {} campaigns, {} upcoming", day, slots.size(), upcoming.size());
        return new Snapshot(day, changes, List.copyOf(slots),
                slots.stream().collect(Collectors.toUnmodifiableMap(slot -> slot.campaign.campaignId(), x -> x)),
                Map.copyOf(advertisers), List.copyOf(upcoming));
    }

    /** How many registered clients each campaign's targeting admits (for the shadow prices' reach estimate). */
    private void audiences(List<Slot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        List<ServingRepository.Segment> segments = repository.segments();
        long all = segments.stream().mapToLong(ServingRepository.Segment::clients).sum();
        for (Slot slot : slots) {
            long fitting = 0;
            for (ServingRepository.Segment segment : segments) {
                Client.Gender gender = segment.gender() == null ? null : Client.Gender.valueOf(segment.gender());
                if (slot.fits(gender, segment.age(), segment.location())) {
                    fitting += segment.clients();
                }
            }
            slot.audience = fitting;
            slot.clientsInAll = all;
        }
    }

    /**
     * Makes the shared counter at least the stored count (after a restart of an in-process node, or a Redis that lost
     * its data). The conditional add means two nodes doing this at once add the difference only once.
     */
    private long reconcile(UUID campaignId, long stored) {
        String key = impressionsKey(campaignId);
        long counted = counters.get(key);
        if (counted < stored) {
            counted = counters.addIfAtMost(key, stored - counted, stored).orElseGet(() -> counters.get(key));
        }
        return counted;
    }
}
