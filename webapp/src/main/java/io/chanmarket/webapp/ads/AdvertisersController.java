package io.chanmarket.webapp.ads;

import io.chanmarket.core.ads.advertisers.Advertiser;
import io.chanmarket.core.ads.advertisers.AdvertiserUpsert;
import io.chanmarket.core.ads.advertisers.Advertisers;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Ad engine advertisers and ML scores. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Advertisers")
class AdvertisersController {

    private final Advertisers advertisers;

    AdvertisersController(Advertisers advertisers) {
        this.advertisers = advertisers;
    }

    @Get("/advertisers/{advertiserId}")
    Advertiser get(String advertiserId) {
        return advertisers.get(advertiserId);
    }

    @Post("/advertisers/bulk")
    @Status(HttpStatus.CREATED)
    List<Advertiser> upsert(@Nullable @Body List<AdvertiserUpsert> upserts) {
        return advertisers.upsert(upserts);
    }

    @Post("/ml-scores")
    @Status(HttpStatus.OK)
    void upsertScore(@Nullable @Body MlScoreUpsert score) {
        advertisers.upsertScore(score);
    }
}
