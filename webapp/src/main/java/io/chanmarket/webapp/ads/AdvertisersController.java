package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.advertisers.Advertiser;
import io.chanmarket.core.ads.advertisers.AdvertiserUpsert;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.chatcodes.AdvertiserChatCodes;
import io.chanmarket.core.ads.advertisers.MlScoreUpsert;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
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

/** Ad engine advertisers and ML scores. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Advertisers")
@ApiResponse(responseCode = "400", description = "Invalid input: a malformed UUID, a missing or wrong field (the message says which)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class AdvertisersController {

    private final Advertisers advertisers;
    private final AdvertiserChatCodes chatCodes;

    AdvertisersController(Advertisers advertisers, AdvertiserChatCodes chatCodes) {
        this.advertisers = advertisers;
        this.chatCodes = chatCodes;
    }

    @AdAccess(AdAccess.Need.ADVERTISER)
    @Get("/advertisers/{advertiserId}")
    @Operation(operationId = "getAdvertiserById", summary = "Get an advertiser by id")
    @ApiResponse(responseCode = "200", description = "The advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Advertiser.class)))
    @ApiResponse(responseCode = "404", description = "No such advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Advertiser get(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId) {
        return advertisers.get(advertiserId);
    }

    @AdAccess(AdAccess.Need.OPERATOR)
    @Post("/advertisers/bulk")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "upsertAdvertisers", summary = "Create or replace advertisers (the whole batch is refused if one is invalid)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The advertisers", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = AdApiSchemas.AdvertiserUpsert.class))))
    @ApiResponse(responseCode = "201", description = "The stored advertisers", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = AdApiSchemas.Advertiser.class))))
    List<Advertiser> upsert(@Nullable @Body List<AdvertiserUpsert> upserts) {
        return advertisers.upsert(upserts);
    }

    /**
     * Issues a one-time code with which a Telegram user signs in to the bot as this advertiser ({@code /login <code>}).
     * Single use, expires after {@code app.ads.chat-code-ttl}.
     */
    @AdAccess(value = AdAccess.Need.ADVERTISER, contract = false)
    @Post("/advertisers/{advertiserId}/chat-codes")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Issue a one-time code for signing in to the bot as this advertiser (an addition to the contract)")
    @ApiResponse(responseCode = "404", description = "No such advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    AdvertiserChatCodes.IssuedCode issueChatCode(
            @Parameter(name = "advertiserId", description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId) {
        return chatCodes.issue(advertiserId);
    }

    @AdAccess(AdAccess.Need.OPERATOR)
    @Post("/ml-scores")
    @Status(HttpStatus.OK)
    @Operation(operationId = "upsertMLScore", summary = "Create or replace the ML score of a client-advertiser pair")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The score", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.MLScore.class)))
    @ApiResponse(responseCode = "200", description = "The score is stored")
    @ApiResponse(responseCode = "404", description = "No such client or advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    void upsertScore(@Nullable @Body MlScoreUpsert score) {
        advertisers.upsertScore(score);
    }
}
