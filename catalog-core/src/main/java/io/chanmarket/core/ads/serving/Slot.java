package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Targeting;
import io.chanmarket.core.ads.clients.Client;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * One campaign running today, with this node's view of its progress. The view steers the choice (pacing, skipping full
 * campaigns); the limit itself is enforced by the shared counter, never by this view. What the per-request scan reads
 * (limits, prices, compiled targeting, progress) is held in this one object, so that scanning thousands of slots does
 * not also visit their campaigns and counters.
 */
final class Slot {

    private static final AtomicLongFieldUpdater<Slot> SHOWN = AtomicLongFieldUpdater.newUpdater(Slot.class, "shown");
    private static final AtomicLongFieldUpdater<Slot> CLICKS = AtomicLongFieldUpdater.newUpdater(Slot.class, "clicks");

    final Campaign campaign;
    /** Impressions stored before today. */
    final long shownBeforeToday;
    final long impressionsLimit;
    final long clicksLimit;
    final double costPerImpression;
    final double costPerClick;
    final int endDate;
    /** Impressions in total, as far as this node knows. */
    private volatile long shown;
    /** Clicks in total, as far as this node knows. */
    private volatile long clicks;

    /**
     * Clients registered in the campaign's audience when the snapshot was built, and clients in all; -1 when unknown
     * (outside a snapshot).
     */
    volatile long audience = -1;
    volatile long clientsInAll = -1;

    /** Its position in today's {@link ServingIndex.Snapshot}; -1 outside one. */
    final int index;
    /** Its advertiser's position in the snapshot's advertiser table; -1 outside one. */
    final int advertiser;
    // The campaign's targeting, compiled for the per-request scan (see fits).
    private final boolean noAudience;
    private final Client.Gender gender;
    private final boolean ageBounded;
    private final int ageFrom;
    private final int ageTo;
    private final String location;

    /** Its shadow price (the bid-price policy's λ), kept across snapshots of the same campaign. */
    final ShadowPrices.Price price;

    Slot(Campaign campaign, long shownBeforeToday, long shown, long clicks) {
        this(campaign, shownBeforeToday, shown, clicks, -1, -1);
    }

    Slot(Campaign campaign, long shownBeforeToday, long shown, long clicks, int index, int advertiser) {
        this(campaign, shownBeforeToday, shown, clicks, index, advertiser, new ShadowPrices.Price());
    }

    Slot(Campaign campaign, long shownBeforeToday, long shown, long clicks, int index, int advertiser,
            ShadowPrices.Price price) {
        this.campaign = campaign;
        this.price = price;
        this.shownBeforeToday = shownBeforeToday;
        this.shown = shown;
        this.clicks = clicks;
        this.impressionsLimit = campaign.impressionsLimit();
        this.clicksLimit = campaign.clicksLimit();
        this.costPerImpression = campaign.costPerImpression();
        this.costPerClick = campaign.costPerClick();
        this.endDate = campaign.endDate();
        this.index = index;
        this.advertiser = advertiser;
        Targeting targeting = campaign.targeting() == null ? Targeting.NONE : campaign.targeting();
        String g = targeting.gender();
        Client.Gender parsed = null;
        boolean unknownGender = false;
        if (g != null && !"ALL".equals(g)) {
            try {
                parsed = Client.Gender.valueOf(g);
            } catch (IllegalArgumentException e) {
                unknownGender = true; // no client has it
            }
        }
        this.noAudience = unknownGender;
        this.gender = parsed;
        this.ageBounded = targeting.ageFrom() != null || targeting.ageTo() != null;
        this.ageFrom = targeting.ageFrom() == null ? Integer.MIN_VALUE : targeting.ageFrom();
        this.ageTo = targeting.ageTo() == null ? Integer.MAX_VALUE : targeting.ageTo();
        this.location = targeting.location();
    }

    /**
     * Whether {@code client} is in the campaign's audience: exactly {@link Targeting#matches}, on fields compiled once
     * per snapshot instead of strings and boxed numbers compared per request.
     */
    boolean fits(Client client) {
        return fits(client.gender(), client.age(), client.location());
    }

    /** {@link #fits(Client)} on a client's targeting attributes. */
    boolean fits(Client.Gender clientGender, Integer age, String clientLocation) {
        if (noAudience || gender != null && clientGender != gender) {
            return false;
        }
        if (ageBounded) {
            if (age == null || age < ageFrom || age > ageTo) {
                return false;
            }
        }
        return location == null || location.equals(clientLocation);
    }

    /** Impressions in total, as far as this node knows. */
    long shown() {
        return shown;
    }

    /** Clicks in total, as far as this node knows. */
    long clicks() {
        return clicks;
    }

    long shownToday() {
        return Math.max(0, shown - shownBeforeToday);
    }

    /** Whether new viewers may still be shown this ad: impressions and clicks both below their limits. */
    boolean open() {
        return shown < impressionsLimit && clicks < clicksLimit;
    }

    /** Impressions to aim for today: what remained at the start of the day, spread over the days left. */
    double targetToday(int today) {
        long remaining = Math.max(0, impressionsLimit - shownBeforeToday);
        int daysLeft = Math.max(1, endDate - today + 1);
        return (double) remaining / daysLeft;
    }

    /** This node learned that the campaign has {@code total} impressions (never lowers the view). */
    void seenMore(long total) {
        SHOWN.accumulateAndGet(this, total, Math::max);
    }

    void clicked() {
        CLICKS.incrementAndGet(this);
    }
}
