package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.llm.AdTextRequest;
import io.chanmarket.core.ads.llm.AdTextTask;
import io.chanmarket.core.ads.llm.AdTexts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.chanmarket.webapp.ads.contract.AdApiSchemas;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * LLM-written ad texts (an extra beyond the contract; off unless an LLM endpoint is configured): a request returns a
 * task at once, its state is read by id.
 */
@Controller("/advertisers/{advertiserId}/ad-texts")
@AdAccess(value = AdAccess.Need.ADVERTISER, contract = false)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ad texts (LLM)")
@ApiResponse(responseCode = "400", description = "Invalid input (the message says what)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class AdTextsController {

    private final AdTexts texts;

    AdTextsController(AdTexts texts) {
        this.texts = texts;
    }

    @Post
    @Operation(summary = "Start writing an ad text", description = """
            Asks the configured OpenAI-compatible LLM for an ad text from the advertiser's name and the campaign \
            title (body: campaign_title, or campaign_id of one of the advertiser's campaigns). Returns the pending \
            task at once; poll GET .../ad-texts/{taskId}.""")
    @ApiResponse(responseCode = "202", description = "the task, status pending (Location: the task)")
    @ApiResponse(responseCode = "400", description = "bad advertiser id, missing or too long campaign_title")
    @ApiResponse(responseCode = "404", description = "unknown advertiser or campaign")
    @ApiResponse(responseCode = "503", description = "no LLM endpoint is configured")
    HttpResponse<AdTextTask> start(
            @Parameter(description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Nullable @Body AdTextRequest request) {
        AdTextTask task = texts.start(advertiserId, request);
        return HttpResponse.accepted(URI.create("/advertisers/" + task.advertiserId() + "/ad-texts/" + task.taskId()))
                .body(task);
    }

    @Get("/{taskId}")
    @Operation(summary = "State of an ad-text task", description = """
            status pending (still being written), done (text holds the ad text) or failed (reason says why: \
            timeouts, errors or a malformed reply of the LLM after the configured retries).""")
    @ApiResponse(responseCode = "200", description = "the task")
    @ApiResponse(responseCode = "400", description = "bad id")
    @ApiResponse(responseCode = "404", description = "no such task for this advertiser")
    AdTextTask get(
            @Parameter(description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Parameter(description = "The task's UUID", schema = @Schema(type = "string", format = "uuid")) String taskId) {
        return texts.get(advertiserId, taskId);
    }
}
