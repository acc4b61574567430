package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.stats.AdStats;
import io.chanmarket.core.ads.stats.DailyStats;
import io.chanmarket.core.ads.stats.Stats;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Ad engine statistics per campaign and per advertiser, in total and per day. */
@Controller("/stats")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Statistics")
class StatsController {

    private final AdStats stats;

    StatsController(AdStats stats) {
        this.stats = stats;
    }

    @AdAccess(AdAccess.Need.OPERATOR)
    @Get("/campaigns/{campaignId}")
    Stats campaign(String campaignId) {
        return stats.campaign(campaignId);
    }

    @AdAccess(AdAccess.Need.OPERATOR)
    @Get("/campaigns/{campaignId}/daily")
    List<DailyStats> campaignDaily(String campaignId) {
        return stats.campaignDaily(campaignId);
    }

    @AdAccess(AdAccess.Need.ADVERTISER)
    @Get("/advertisers/{advertiserId}/campaigns")
    Stats advertiser(String advertiserId) {
        return stats.advertiser(advertiserId);
    }

    @AdAccess(AdAccess.Need.ADVERTISER)
    @Get("/advertisers/{advertiserId}/campaigns/daily")
    List<DailyStats> advertiserDaily(String advertiserId) {
        return stats.advertiserDaily(advertiserId);
    }
}
