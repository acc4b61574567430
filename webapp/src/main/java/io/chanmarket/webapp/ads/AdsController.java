package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.serving.Ad;
import io.chanmarket.core.ads.serving.AdServer;
import io.chanmarket.core.ads.serving.ClickRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import jakarta.inject.Named;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Serving ads and recording clicks. Serving starts on the event loop and completes when its impression is committed,
 * holding no thread while it waits; what needs the database first moves to the blocking executor.
 */
@Controller("/ads")
@AdAccess(AdAccess.Need.OPERATOR)
@Tag(name = "Ads")
@ApiResponse(responseCode = "400", description = "Invalid input: a malformed UUID, a missing or wrong field (the message says which)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class AdsController {

    private final AdServer server;
    private final ExecutorService blocking;

    AdsController(AdServer server, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.server = server;
        this.blocking = blocking;
    }

    @Get
    @Operation(operationId = "getAdForClient", summary = "The ad to show this client now (the impression is recorded)", parameters = @Parameter(name = "client_id", in = ParameterIn.QUERY, required = true, description = "The client's UUID", schema = @Schema(type = "string", format = "uuid")))
    @ApiResponse(responseCode = "200", description = "The ad", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Ad.class)))
    @ApiResponse(responseCode = "404", description = "No such client, or no ad fits this client now", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    CompletableFuture<Ad> serve(@Parameter(hidden = true) @Nullable @QueryValue("client_id") String clientId) {
        return server.serveAsync(clientId, blocking);
    }

    @Post("/{adId}/click")
    @Status(HttpStatus.NO_CONTENT)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "recordAdClick", summary = "Record a client's click on an ad it was shown (counted once)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "Who clicked", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.ClickRequest.class)))
    @ApiResponse(responseCode = "204", description = "The click is recorded")
    @ApiResponse(responseCode = "404", description = "No such ad or client, or the ad was never shown to this client", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    void click(
            @Parameter(name = "adId", description = "The ad's UUID (its campaign's id)", schema = @Schema(type = "string", format = "uuid")) String adId,
            @Nullable @Body ClickRequest click) {
        server.click(adId, click);
    }
}
