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
import io.swagger.v3.oas.annotations.tags.Tag;

/** The ad engine's emulated current day. */
@Controller("/time")
@AdAccess(AdAccess.Need.OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Time")
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
    CurrentDate advance(@Nullable @Body CurrentDate body) {
        return new CurrentDate(clock.advance(body == null ? null : body.currentDate()));
    }
}
