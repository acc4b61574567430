package io.chanmarket.webapp.ads;

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
import io.swagger.v3.oas.annotations.tags.Tag;

/** Serving ads and recording clicks. */
@Controller("/ads")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ads")
class AdsController {

    private final AdServer server;

    AdsController(AdServer server) {
        this.server = server;
    }

    @Get
    Ad serve(@Nullable @QueryValue("client_id") String clientId) {
        return server.serve(clientId);
    }

    @Post("/{adId}/click")
    @Status(HttpStatus.NO_CONTENT)
    void click(String adId, @Nullable @Body ClickRequest click) {
        server.click(adId, click);
    }
}
