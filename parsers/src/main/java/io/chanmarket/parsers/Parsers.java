package io.chanmarket.parsers;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.ChannelRef;
import io.chanmarket.parsers.refresh.ChannelRefresher;
import io.chanmarket.parsers.refresh.FetchLog;
import io.chanmarket.parsers.refresh.FetchStatus;
import io.chanmarket.parsers.refresh.RefreshSettings;
import io.chanmarket.parsers.review.LabelEvidence;
import io.chanmarket.parsers.review.LabelState;
import io.chanmarket.parsers.review.StoredMarker;
import io.chanmarket.parsers.review.ValueReview;
import io.chanmarket.parsers.review.ValueReviews;
import io.chanmarket.parsers.warnings.ChannelWarnings;
import io.chanmarket.parsers.warnings.StoredWarning;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The parsers' one door for the rest of the product: what the parsers know of a channel, refresh requests (an admin's
 * "refresh now"; a card's opening asks through the channel-open event, not through here), the held values an admin
 * confirms or rejects, and how fresh the catalog's numbers are. Other modules use this class and the records it hands
 * out, nothing else of the module ({@code ArchitectureTest}).
 */
@Singleton
public class Parsers {

    /** How many of the last value reviews a channel's status shows. */
    static final int REVIEWS_SHOWN = 30;

    /**
     * What the parsers know of one channel.
     *
     * @param updatedAt
     *            when its parsed values were last written; null when never
     * @param stale
     *            older than the refresh interval, or never written ({@link #stale(Instant, Instant)})
     * @param refreshing
     *            a refresh is queued
     */
    public record ChannelParsing(@Nullable Instant updatedAt, boolean stale, boolean refreshing,
            List<FetchStatus> statuses, List<StoredWarning> warnings, LabelState labels, List<StoredMarker> markers,
            List<ValueReview> reviews) {
    }

    /** Catalog channels with fresh values, with stale or no values, and with a failing source. */
    public record Health(long fresh, long stale, long failing) {
    }

    private final ChannelMetrics metrics;
    private final ChannelRefresher refresher;
    private final RefreshSettings settings;
    private final FetchLog fetchLog;
    private final ChannelWarnings warnings;
    private final LabelEvidence labels;
    private final ValueReviews reviews;

    Parsers(ChannelMetrics metrics, ChannelRefresher refresher, RefreshSettings settings, FetchLog fetchLog,
            ChannelWarnings warnings, LabelEvidence labels, ValueReviews reviews) {
        this.metrics = metrics;
        this.refresher = refresher;
        this.settings = settings;
        this.fetchLog = fetchLog;
        this.warnings = warnings;
        this.labels = labels;
        this.reviews = reviews;
    }

    /** The one definition of stale numbers: written before the refresh interval, or never. */
    public boolean stale(@Nullable Instant updatedAt, Instant now) {
        return updatedAt == null || updatedAt.isBefore(now.minus(settings.interval()));
    }

    public ChannelParsing channel(long channelId) {
        Instant updatedAt = metrics.find(channelId).map(ChannelRef::metricsUpdatedAt).orElse(null);
        return new ChannelParsing(updatedAt, stale(updatedAt, Instant.now()), refresher.isRefreshing(channelId),
                fetchLog.statuses(channelId), warnings.forChannel(channelId), labels.state(channelId),
                labels.forChannel(channelId), reviews.forChannel(channelId, REVIEWS_SHOWN));
    }

    /**
     * Queues a refresh now, whatever the age of the values; false for channels that are never fetched (unknown, demo,
     * no username or TGStat link).
     */
    public boolean requestRefresh(long channelId) {
        return refresher.requestRefresh(channelId);
    }

    /**
     * Whether a refresh of the channel is queued: after a page recorded the channel's opening (which queues one for
     * stale numbers, {@code OnOpenRefresh}), the page tells the user fresh numbers are on their way.
     */
    public boolean refreshQueued(long channelId) {
        return refresher.isRefreshing(channelId);
    }

    /** A value of the channel the parsers held back and nobody decided yet. */
    public Optional<ValueReview> openHeldValue(long channelId, long reviewId) {
        return reviews.find(reviewId).filter(r -> r.channelId() == channelId && r.held() && r.open());
    }

    /** Writes (confirm) or drops (reject) a held value; false when it is no longer open. */
    public boolean decide(long channelId, long reviewId, boolean confirm, String by) {
        return reviews.decide(channelId, reviewId, confirm, by, Instant.now());
    }

    public Health health() {
        long[] counts = fetchLog.health(Instant.now().minus(settings.interval()));
        return new Health(counts[0], counts[1], counts[2]);
    }
}
