package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.CampaignDraft;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Ad engine campaigns of one advertiser. Lists are paged (1-based {@code page}); the total is in X-Total-Count. */
@Controller("/advertisers/{advertiserId}/campaigns")
@AdAccess(AdAccess.Need.ADVERTISER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Campaigns")
class CampaignsController {

    private final Campaigns campaigns;

    CampaignsController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Post
    @Status(HttpStatus.CREATED)
    Campaign create(String advertiserId, @Nullable @Body CampaignDraft draft) {
        return campaigns.create(advertiserId, draft);
    }

    @Get
    HttpResponse<List<Campaign>> list(String advertiserId, @Nullable @QueryValue Integer size,
            @Nullable @QueryValue Integer page) {
        List<Campaign> found = campaigns.list(advertiserId, page, size);
        return HttpResponse.ok(found).header("X-Total-Count", Long.toString(campaigns.count(advertiserId)));
    }

    @Get("/{campaignId}")
    Campaign get(String advertiserId, String campaignId) {
        return campaigns.get(advertiserId, campaignId);
    }

    @Put("/{campaignId}")
    Campaign update(String advertiserId, String campaignId, @Nullable @Body CampaignDraft draft) {
        return campaigns.update(advertiserId, campaignId, draft);
    }

    @Delete("/{campaignId}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(String advertiserId, String campaignId) {
        campaigns.delete(advertiserId, campaignId);
    }
}
