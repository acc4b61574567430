package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.stats.AdStats;
import io.chanmarket.core.ads.stats.DailyStats;
import io.chanmarket.core.ads.stats.Stats;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.chanmarket.webapp.ads.contract.AdApiSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Ad engine statistics per campaign and per advertiser, in total and per day. */
@Controller("/stats")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Statistics")
@ApiResponse(responseCode = "400", description = "Invalid input: a malformed UUID, a missing or wrong field (the message says which)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class StatsController {

    private final AdStats stats;

    StatsController(AdStats stats) {
        this.stats = stats;
    }

    @AdAccess(AdAccess.Need.OPERATOR)
    @Get("/campaigns/{campaignId}")
    @Operation(operationId = "getCampaignStats", summary = "A campaign's totals")
    @ApiResponse(responseCode = "200", description = "The statistics", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Stats.class)))
    @ApiResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Stats campaign(
            @Parameter(name = "campaignId", description = "The campaign's UUID", schema = @Schema(type = "string", format = "uuid")) String campaignId) {
        return stats.campaign(campaignId);
    }

    @AdAccess(AdAccess.Need.OPERATOR)
    @Get("/campaigns/{campaignId}/daily")
    @Operation(operationId = "getCampaignDailyStats", summary = "A campaign's statistics per day")
    @ApiResponse(responseCode = "200", description = "The statistics", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = AdApiSchemas.DailyStats.class))))
    @ApiResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    List<DailyStats> campaignDaily(
            @Parameter(name = "campaignId", description = "The campaign's UUID", schema = @Schema(type = "string", format = "uuid")) String campaignId) {
        return stats.campaignDaily(campaignId);
    }

    @AdAccess(AdAccess.Need.ADVERTISER)
    @Get("/advertisers/{advertiserId}/campaigns")
    @Operation(operationId = "getAdvertiserCampaignsStats", summary = "The totals of all the advertiser's campaigns")
    @ApiResponse(responseCode = "200", description = "The statistics", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Stats.class)))
    @ApiResponse(responseCode = "404", description = "No such advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Stats advertiser(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId) {
        return stats.advertiser(advertiserId);
    }

    @AdAccess(AdAccess.Need.ADVERTISER)
    @Get("/advertisers/{advertiserId}/campaigns/daily")
    @Operation(operationId = "getAdvertiserDailyStats", summary = "The advertiser's statistics per day, all campaigns together")
    @ApiResponse(responseCode = "200", description = "The statistics", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = AdApiSchemas.DailyStats.class))))
    @ApiResponse(responseCode = "404", description = "No such advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    List<DailyStats> advertiserDaily(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId) {
        return stats.advertiserDaily(advertiserId);
    }
}
