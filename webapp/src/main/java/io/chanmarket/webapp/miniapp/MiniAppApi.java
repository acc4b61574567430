package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.CategoryWithChannels;
import io.chanmarket.core.catalog.channels.ChannelCatalog;
import io.chanmarket.core.catalog.channels.ChannelDetails;
import io.chanmarket.core.catalog.channels.ChannelSummary;
import io.chanmarket.core.events.Event;
import io.chanmarket.core.events.EventLog;
import io.chanmarket.core.events.EventType;
import io.chanmarket.core.favorites.Favorites;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * The catalog and favorites as JSON, for the same users and with the same initData auth as the Mini App. JDBC, so on
 * the blocking executor (docs/event-loop.md).
 */
@Controller("/api/miniapp")
@ExecuteOn(TaskExecutors.BLOCKING)
@PoolShare
@Tag(name = "Mini App", description = "Catalog and favorites of the Telegram user identified by initData")
@SecurityScheme(name = "telegramInitData", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "Authorization", description = "`tma <initData>`: the raw Telegram.WebApp.initData, validated on the server")
@SecurityRequirement(name = "telegramInitData")
@ApiResponse(responseCode = "401", description = "Missing, forged, tampered or expired initData")
class MiniAppApi {

    private final ChannelCatalog catalog;
    private final Favorites favorites;
    private final EventLog events;
    private final MiniAppSettings settings;

    MiniAppApi(ChannelCatalog catalog, Favorites favorites, EventLog events, MiniAppSettings settings) {
        this.catalog = catalog;
        this.favorites = favorites;
        this.events = events;
        this.settings = settings;
    }

    @Get("/catalog")
    @Operation(summary = "Categories (names only) with their biggest channels grouped under them")
    List<CategoryWithChannels> catalog(@Parameter(hidden = true) MiniAppUser user,
            @QueryValue(defaultValue = "20") @Parameter(description = "channels per category, 0..100") int perCategory) {
        if (perCategory < 0 || perCategory > 100) {
            throw new MiniAppProblem.BadInput("perCategory must be between 0 and 100");
        }
        return catalog.categoriesWithTopChannels(perCategory);
    }

    @Get("/channels/{id}")
    @Operation(summary = "Every field of a channel's card, with similar channels (empty slots are null)")
    @ApiResponse(responseCode = "404", description = "No such channel, or it is hidden")
    ChannelDetails channel(@Parameter(hidden = true) MiniAppUser user, long id) {
        ChannelDetails details = catalog.details(id, settings.similarSlots())
                .orElseThrow(() -> new MiniAppProblem.NotFound("channel"));
        events.record(Event.of(EventType.CHANNEL_OPEN, user.id()).withChannel(id));
        return details;
    }

    @Get("/favorites")
    @Operation(summary = "The user's favorite channels, most recently added first")
    List<ChannelSummary> favorites(@Parameter(hidden = true) MiniAppUser user) {
        return catalog.summaries(favorites.channelIds(user.id()));
    }

    @Put("/favorites/{channelId}")
    @Operation(summary = "Add a channel to favorites (idempotent)")
    @ApiResponse(responseCode = "204", description = "The channel is in the favorites")
    @ApiResponse(responseCode = "404", description = "No such channel")
    HttpResponse<Void> add(@Parameter(hidden = true) MiniAppUser user, long channelId) {
        requireChannel(channelId);
        if (favorites.add(user.id(), channelId)) {
            events.record(Event.of(EventType.FAVORITE_ADD, user.id()).withChannel(channelId));
        }
        return HttpResponse.noContent();
    }

    @Delete("/favorites/{channelId}")
    @Operation(summary = "Remove a channel from favorites (idempotent)")
    @ApiResponse(responseCode = "204", description = "The channel is not in the favorites")
    HttpResponse<Void> remove(@Parameter(hidden = true) MiniAppUser user, long channelId) {
        if (favorites.remove(user.id(), channelId)) {
            events.record(Event.of(EventType.FAVORITE_REMOVE, user.id()).withChannel(channelId));
        }
        return HttpResponse.noContent();
    }

    private void requireChannel(long id) {
        if (catalog.summaries(List.of(id)).isEmpty()) {
            throw new MiniAppProblem.NotFound("channel");
        }
    }
}
