package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.moderation.Moderation;
import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Moderation of ad texts (an addition to the contract): the on/off switch and the blacklist. */
@Controller("/moderation")
@AdAccess(value = AdAccess.Need.OPERATOR, contract = false)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Moderation")
@ApiResponse(responseCode = "400", description = "Invalid input (the message says what)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class ModerationController {

    private final Moderation moderation;

    ModerationController(Moderation moderation) {
        this.moderation = moderation;
    }

    @Get("/settings")
    @Operation(summary = "Whether ad texts are checked against the blacklist")
    Moderation.Settings settings() {
        return moderation.settings();
    }

    @Put("/settings")
    @Operation(summary = "Switch the blacklist check on or off")
    Moderation.Settings update(@Nullable @Body Moderation.Settings settings) {
        return moderation.update(settings);
    }

    @Get("/blacklist")
    @Operation(summary = "The blacklisted words and phrases")
    List<Moderation.Phrase> blacklist() {
        return moderation.blacklist();
    }

    @Post("/blacklist")
    @Operation(summary = "Add a word or phrase to the blacklist")
    @Status(HttpStatus.CREATED)
    Moderation.Phrase add(@Nullable @Body Moderation.Phrase phrase) {
        return moderation.add(phrase);
    }

    @Delete("/blacklist")
    @Operation(summary = "Remove a word or phrase from the blacklist")
    @Status(HttpStatus.NO_CONTENT)
    void remove(@Nullable @QueryValue String phrase) {
        moderation.remove(phrase);
    }
}
