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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Ad engine advertisers and ML scores. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Advertisers")
class AdvertisersController {

    private final Advertisers advertisers;
    private final AdvertiserChatCodes chatCodes;

    AdvertisersController(Advertisers advertisers, AdvertiserChatCodes chatCodes) {
        this.advertisers = advertisers;
        this.chatCodes = chatCodes;
    }

    @AdAccess(AdAccess.Need.ADVERTISER)
    @Get("/advertisers/{advertiserId}")
    Advertiser get(String advertiserId) {
        return advertisers.get(advertiserId);
    }

    @AdAccess(AdAccess.Need.OPERATOR)
    @Post("/advertisers/bulk")
    @Status(HttpStatus.CREATED)
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
    AdvertiserChatCodes.IssuedCode issueChatCode(String advertiserId) {
        return chatCodes.issue(advertiserId);
    }

    @AdAccess(AdAccess.Need.OPERATOR)
    @Post("/ml-scores")
    @Status(HttpStatus.OK)
    void upsertScore(@Nullable @Body MlScoreUpsert score) {
        advertisers.upsertScore(score);
    }
}
