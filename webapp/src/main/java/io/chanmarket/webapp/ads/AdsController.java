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
class AdsController {

    private final AdServer server;
    private final ExecutorService blocking;

    AdsController(AdServer server, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.server = server;
        this.blocking = blocking;
    }

    @Get
    CompletableFuture<Ad> serve(@Nullable @QueryValue("client_id") String clientId) {
        return server.serveAsync(clientId, blocking);
    }

    @Post("/{adId}/click")
    @Status(HttpStatus.NO_CONTENT)
    @ExecuteOn(TaskExecutors.BLOCKING)
    void click(String adId, @Nullable @Body ClickRequest click) {
        server.click(adId, click);
    }
}
