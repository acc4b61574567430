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
import io.chanmarket.webapp.ads.contract.AdApiSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Ad engine campaigns of one advertiser. Lists are paged (1-based {@code page}); the total is in X-Total-Count. */
@Controller("/advertisers/{advertiserId}/campaigns")
@AdAccess(AdAccess.Need.ADVERTISER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Campaigns")
@ApiResponse(responseCode = "400", description = "Invalid input: a malformed UUID, a missing or wrong field (the message says which)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class CampaignsController {

    private final Campaigns campaigns;

    CampaignsController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createCampaign", summary = "Create a campaign")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The new campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.CampaignCreate.class)))
    @ApiResponse(responseCode = "201", description = "The campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Campaign.class)))
    @ApiResponse(responseCode = "404", description = "No such advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Campaign create(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Nullable @Body CampaignDraft draft) {
        return campaigns.create(advertiserId, draft);
    }

    @Get
    @Operation(operationId = "listCampaigns", summary = "List the advertiser's campaigns, a page at a time (the total is in X-Total-Count)", parameters = {
            @Parameter(name = "size", in = ParameterIn.QUERY, description = "Campaigns per page", schema = @Schema(type = "integer", format = "int32")),
            @Parameter(name = "page", in = ParameterIn.QUERY, description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32")) })
    @ApiResponse(responseCode = "200", description = "One page of campaigns, oldest first", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = AdApiSchemas.Campaign.class))))
    HttpResponse<List<Campaign>> list(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Parameter(hidden = true) @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) @Nullable @QueryValue Integer page) {
        List<Campaign> found = campaigns.list(advertiserId, page, size);
        return HttpResponse.ok(found).header("X-Total-Count", Long.toString(campaigns.count(advertiserId)));
    }

    @Get("/{campaignId}")
    @Operation(operationId = "getCampaign", summary = "Get a campaign by id")
    @ApiResponse(responseCode = "200", description = "The campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Campaign.class)))
    @ApiResponse(responseCode = "404", description = "No such campaign of this advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Campaign get(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Parameter(name = "campaignId", description = "The campaign's UUID", schema = @Schema(type = "string", format = "uuid")) String campaignId) {
        return campaigns.get(advertiserId, campaignId);
    }

    @Put("/{campaignId}")
    @Operation(operationId = "updateCampaign", summary = "Change a campaign (limits and days only before it starts)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The campaign's new values", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.CampaignUpdate.class)))
    @ApiResponse(responseCode = "200", description = "The campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Campaign.class)))
    @ApiResponse(responseCode = "404", description = "No such campaign of this advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    @ApiResponse(responseCode = "409", description = "The campaign has started: its limits and days can no longer change", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Campaign update(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Parameter(name = "campaignId", description = "The campaign's UUID", schema = @Schema(type = "string", format = "uuid")) String campaignId,
            @Nullable @Body CampaignDraft draft) {
        return campaigns.update(advertiserId, campaignId, draft);
    }

    @Delete("/{campaignId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCampaign", summary = "Delete a campaign (kept for the advertiser's statistics)")
    @ApiResponse(responseCode = "204", description = "The campaign is deleted")
    @ApiResponse(responseCode = "404", description = "No such campaign of this advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    void delete(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Parameter(name = "campaignId", description = "The campaign's UUID", schema = @Schema(type = "string", format = "uuid")) String campaignId) {
        campaigns.delete(advertiserId, campaignId);
    }
}
