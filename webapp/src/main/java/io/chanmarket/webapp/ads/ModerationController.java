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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Moderation of ad texts (an addition to the contract): the on/off switch and the blacklist. */
@Controller("/moderation")
@AdAccess(value = AdAccess.Need.OPERATOR, contract = false)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Moderation")
class ModerationController {

    private final Moderation moderation;

    ModerationController(Moderation moderation) {
        this.moderation = moderation;
    }

    @Get("/settings")
    Moderation.Settings settings() {
        return moderation.settings();
    }

    @Put("/settings")
    Moderation.Settings update(@Nullable @Body Moderation.Settings settings) {
        return moderation.update(settings);
    }

    @Get("/blacklist")
    List<Moderation.Phrase> blacklist() {
        return moderation.blacklist();
    }

    @Post("/blacklist")
    @Status(HttpStatus.CREATED)
    Moderation.Phrase add(@Nullable @Body Moderation.Phrase phrase) {
        return moderation.add(phrase);
    }

    @Delete("/blacklist")
    @Status(HttpStatus.NO_CONTENT)
    void remove(@Nullable @QueryValue String phrase) {
        moderation.remove(phrase);
    }
}
