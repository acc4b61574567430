package io.chanmarket.core.ads.serving;

import io.chanmarket.core.ads.campaigns.Campaign;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One campaign running today, with this node's view of its progress. The view steers the choice (pacing, skipping full
 * campaigns); the limit itself is enforced by the shared counter, never by this view.
 */
final class Slot {

    final Campaign campaign;
    /** Impressions stored before today. */
    final long shownBeforeToday;
    /** Impressions in total, as far as this node knows. */
    final AtomicLong shown;
    /** Clicks in total, as far as this node knows. */
    final AtomicLong clicks;

    Slot(Campaign campaign, long shownBeforeToday, long shown, long clicks) {
        this.campaign = campaign;
        this.shownBeforeToday = shownBeforeToday;
        this.shown = new AtomicLong(shown);
        this.clicks = new AtomicLong(clicks);
    }

    long shownToday() {
        return Math.max(0, shown.get() - shownBeforeToday);
    }

    /** Whether new viewers may still be shown this ad: impressions and clicks both below their limits. */
    boolean open() {
        return shown.get() < campaign.impressionsLimit() && clicks.get() < campaign.clicksLimit();
    }

    /** Impressions to aim for today: what remained at the start of the day, spread over the days left. */
    double targetToday(int today) {
        long remaining = Math.max(0, campaign.impressionsLimit() - shownBeforeToday);
        int daysLeft = Math.max(1, campaign.endDate() - today + 1);
        return (double) remaining / daysLeft;
    }

    void seenMore(long total) {
        shown.accumulateAndGet(total, Math::max);
    }
}
