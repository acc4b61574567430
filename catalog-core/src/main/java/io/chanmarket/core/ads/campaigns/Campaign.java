package io.chanmarket.core.ads.campaigns;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.UUID;

/**
 * An advertising campaign: one ad, its limits, prices, days (inclusive) and audience; {@code adImageUrl} is the URL of
 * its uploaded image (an addition to the contract, omitted from JSON when there is none); {@code stopped} is
 * {@code true} while a moderator has stopped the campaign (an addition too, omitted when it is not stopped).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Campaign(UUID campaignId, UUID advertiserId, int impressionsLimit, int clicksLimit,
        double costPerImpression, double costPerClick, String adTitle, String adText, int startDate, int endDate,
        Targeting targeting, String adImageUrl, Boolean stopped) {

    /** A campaign without an image. */
    public Campaign(UUID campaignId, UUID advertiserId, int impressionsLimit, int clicksLimit, double costPerImpression,
            double costPerClick, String adTitle, String adText, int startDate, int endDate, Targeting targeting) {
        this(campaignId, advertiserId, impressionsLimit, clicksLimit, costPerImpression, costPerClick, adTitle, adText,
                startDate, endDate, targeting, null, null);
    }

    /** A campaign that is not stopped. */
    public Campaign(UUID campaignId, UUID advertiserId, int impressionsLimit, int clicksLimit, double costPerImpression,
            double costPerClick, String adTitle, String adText, int startDate, int endDate, Targeting targeting,
            String adImageUrl) {
        this(campaignId, advertiserId, impressionsLimit, clicksLimit, costPerImpression, costPerClick, adTitle, adText,
                startDate, endDate, targeting, adImageUrl, null);
    }

    /** This campaign with the image URL {@code url} (null: none). */
    public Campaign withImageUrl(String url) {
        return new Campaign(campaignId, advertiserId, impressionsLimit, clicksLimit, costPerImpression, costPerClick,
                adTitle, adText, startDate, endDate, targeting, url, stopped);
    }

    /** This campaign marked stopped or not (JSON shows {@code stopped} only when it is). */
    public Campaign withStopped(boolean isStopped) {
        return new Campaign(campaignId, advertiserId, impressionsLimit, clicksLimit, costPerImpression, costPerClick,
                adTitle, adText, startDate, endDate, targeting, adImageUrl, isStopped ? Boolean.TRUE : null);
    }

    /** Whether a moderator has stopped the campaign (it is then not served). */
    public boolean stoppedByModerator() {
        return Boolean.TRUE.equals(stopped);
    }

    /** Whether the campaign runs on {@code day}. */
    public boolean activeOn(int day) {
        return startDate <= day && day <= endDate;
    }
}
