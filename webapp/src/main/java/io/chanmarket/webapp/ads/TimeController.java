package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.clock.AdClock;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.chanmarket.webapp.ads.contract.AdApiSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The ad engine's emulated current day. */
@Controller("/time")
@AdAccess(AdAccess.Need.OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Time")
@ApiResponse(responseCode = "400", description = "Invalid input: a malformed UUID, a missing or wrong field (the message says which)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class TimeController {

    /** Request and response of {@code POST /time/advance}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record CurrentDate(Integer currentDate) {
    }

    private final AdClock clock;

    TimeController(AdClock clock) {
        this.clock = clock;
    }

    @Post("/advance")
    @Operation(operationId = "advanceDay", summary = "Set the current day (current_date is needed, and days only go forward)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, description = "The new current day", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.CurrentDate.class)))
    @ApiResponse(responseCode = "409", description = "current_date is before the current day", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    @ApiResponse(responseCode = "200", description = "The current day", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.CurrentDate.class)))
    CurrentDate advance(@Nullable @Body CurrentDate body) {
        return new CurrentDate(clock.advance(body == null ? null : body.currentDate()));
    }
}
