package io.chanmarket.core.ads.stats;

import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.campaigns.Campaigns;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Exact statistics, aggregated from the impression and click rows in PostgreSQL (every impression is stored before its
 * response leaves, so a read after a response sees it). Daily lists have one entry per day with any event, in day
 * order. An advertiser's figures include its deleted campaigns, whose money was spent all the same.
 */
@Singleton
public class AdStats {

    private final StatsRepository repository;
    private final Campaigns campaigns;
    private final Advertisers advertisers;

    AdStats(StatsRepository repository, Campaigns campaigns, Advertisers advertisers) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.advertisers = advertisers;
    }

    public Stats campaign(String campaignId) {
        return repository.total(List.of(liveCampaign(campaignId)));
    }

    public List<DailyStats> campaignDaily(String campaignId) {
        return repository.daily(List.of(liveCampaign(campaignId)));
    }

    public Stats advertiser(String advertiserId) {
        return repository.total(campaignsOf(advertiserId));
    }

    public List<DailyStats> advertiserDaily(String advertiserId) {
        return repository.daily(campaignsOf(advertiserId));
    }

    /** Totals of each of the advertiser's campaigns (deleted ones included) that had any event. */
    public Map<UUID, Stats> perCampaign(String advertiserId) {
        return repository.perCampaign(campaignsOf(advertiserId));
    }

    private UUID liveCampaign(String campaignId) {
        return campaigns.get(Validation.uuid(campaignId, "campaign_id")).campaignId();
    }

    private List<UUID> campaignsOf(String advertiserId) {
        return campaigns.allIdsOf(advertisers.get(advertiserId).advertiserId());
    }
}
