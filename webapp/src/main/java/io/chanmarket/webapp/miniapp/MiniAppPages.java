package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.Category;
import io.chanmarket.core.catalog.channels.ChannelCatalog;
import io.chanmarket.core.catalog.channels.ChannelCard;
import io.chanmarket.core.catalog.channels.ChannelDetails;
import io.chanmarket.core.catalog.metrics.ChannelRef;
import io.chanmarket.core.catalog.events.Event;
import io.chanmarket.core.catalog.events.EventLog;
import io.chanmarket.core.catalog.events.EventType;
import io.chanmarket.core.catalog.favorites.Favorites;
import io.chanmarket.parsers.refresh.ChannelRefresher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Mini App's pages. An htmx request gets the partial; a plain load with valid initData (or in dev mode) gets the
 * full page; a plain load without initData gets the shell, which loads the partial with it (see
 * {@link MiniAppErrorHandler}). Every page reads PostgreSQL through JDBC, so the pages run on the blocking executor: a
 * slow or locked database holds their own threads, never the event loop (docs/event-loop.md).
 */
@Controller("/app")
@ExecuteOn(TaskExecutors.BLOCKING)
@PoolShare
@Produces(MediaType.TEXT_HTML)
@Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON,
        MediaType.TEXT_PLAIN })
@Hidden
class MiniAppPages {

    private final ChannelCatalog catalog;
    private final Favorites favorites;
    private final EventLog events;
    private final DeepLinks deepLinks;
    private final ShellFactory shells;
    private final MiniAppSettings settings;
    private final ChannelRefresher refresher;
    private final SponsoredSettings sponsored;

    MiniAppPages(ChannelCatalog catalog, Favorites favorites, EventLog events, DeepLinks deepLinks, ShellFactory shells,
            MiniAppSettings settings, ChannelRefresher refresher, SponsoredSettings sponsored) {
        this.refresher = refresher;
        this.sponsored = sponsored;
        this.catalog = catalog;
        this.favorites = favorites;
        this.events = events;
        this.deepLinks = deepLinks;
        this.shells = shells;
        this.settings = settings;
    }

    @Get
    HttpResponse<?> home(HttpRequest<?> request, MiniAppUser user) {
        return page(request, user, "home", home(user, null));
    }

    /** The shell's first request: routes the start payload (signed one first) to its page. */
    @Get("/start")
    HttpResponse<?> start(HttpRequest<?> request, MiniAppUser user, @Nullable @QueryValue String payload) {
        String raw = user.startParam() != null ? user.startParam() : payload;
        events.record(Event.of(EventType.MINIAPP_OPEN, user.id()));
        DeepLinks.Target target = deepLinks.resolve(raw, user.id());
        if (target instanceof DeepLinks.Target.ToChannel c) {
            return channel(request, user, c.id()).header("HX-Replace-Url", "/app/channels/" + c.id());
        }
        if (target instanceof DeepLinks.Target.ToCategory c) {
            return category(request, user, c.id()).header("HX-Replace-Url", "/app/categories/" + c.id());
        }
        return page(request, user, "home", home(user, ((DeepLinks.Target.Home) target).noticeKey()))
                .header("HX-Replace-Url", "/app");
    }

    @Get("/categories/{id}")
    MutableHttpResponse<?> category(HttpRequest<?> request, MiniAppUser user, long id) {
        Category category = catalog.category(id).orElseThrow(() -> new MiniAppProblem.NotFound("category"));
        ListQuery query = ListQuery.from(request.getParameters());
        Texts t = Texts.of(user.language());
        events.record(Event.of(EventType.CATEGORY_OPEN, user.id()).withCategory(id));
        Views.Rows rows = new Views.Rows(t, id, query, catalog.channels(id, query.toFilter(settings.pageSize())));
        return page(request, user, "category",
                new Views.CategoryList(t, category, catalog.filterOptions(id), query, rows, sponsored.enabled()));
    }

    /** The rows of a list page (filters, sorting, infinite scroll); a plain load shows the whole category. */
    @Get("/categories/{id}/channels")
    HttpResponse<?> rows(HttpRequest<?> request, MiniAppUser user, long id) {
        if (!Htmx.wantsPartial(request)) {
            return category(request, user, id);
        }
        catalog.category(id).orElseThrow(() -> new MiniAppProblem.NotFound("category"));
        ListQuery query = ListQuery.from(request.getParameters());
        return page(request, user, "rows", new Views.Rows(Texts.of(user.language()), id, query,
                catalog.channels(id, query.toFilter(settings.pageSize()))));
    }

    @Get("/channels/{id}")
    MutableHttpResponse<?> channel(HttpRequest<?> request, MiniAppUser user, long id) {
        ChannelCard card = catalog.card(id, settings.similarSlots(), user.id())
                .orElseThrow(() -> new MiniAppProblem.NotFound("channel"));
        ChannelDetails channel = card.details();
        events.record(Event.of(EventType.CHANNEL_OPEN, user.id()).withChannel(id)
                .withCategory(channel.category() == null ? null : channel.category().id()));
        boolean refreshing = refresher.refreshIfStale(new ChannelRef(id, channel.username(), channel.tgstatUrl(),
                channel.telemetrUrl(), channel.metricsUpdatedAt(), channel.demo())).refreshing();
        Texts t = Texts.of(user.language());
        return page(request, user, "card", new Views.Card(t, channel, new Views.FavoriteButton(t, id, card.favorite()),
                managerLink(t, channel), deepLinks.shareUrl(channel.trackedLinkCode()), refreshing));
    }

    @Get("/favorites")
    HttpResponse<?> favorites(HttpRequest<?> request, MiniAppUser user) {
        return page(request, user, "favorites",
                new Views.Favorites(Texts.of(user.language()), catalog.summaries(favorites.channelIds(user.id()))));
    }

    @Post("/channels/{id}/favorite")
    HttpResponse<?> addFavorite(HttpRequest<?> request, MiniAppUser user, long id) {
        ChannelDetails channel = details(id);
        if (favorites.add(user.id(), id)) {
            events.record(Event.of(EventType.FAVORITE_ADD, user.id()).withChannel(channel.id()));
        }
        return favoriteButton(request, user, id, true);
    }

    @Delete("/channels/{id}/favorite")
    HttpResponse<?> removeFavorite(HttpRequest<?> request, MiniAppUser user, long id) {
        ChannelDetails channel = details(id);
        if (favorites.remove(user.id(), id)) {
            events.record(Event.of(EventType.FAVORITE_REMOVE, user.id()).withChannel(channel.id()));
        }
        return favoriteButton(request, user, id, false);
    }

    /** "Price": counted, and answered with the price panel. */
    @Post("/channels/{id}/price")
    HttpResponse<?> price(HttpRequest<?> request, MiniAppUser user, long id) {
        ChannelDetails channel = details(id);
        events.record(Event.of(EventType.PRICE_CLICK, user.id()).withChannel(id));
        Texts t = Texts.of(user.language());
        if (!Htmx.wantsPartial(request)) {
            return HttpResponse.seeOther(URI.create("/app/channels/" + id));
        }
        return page(request, user, "price", new Views.PricePanel(t, channel, managerLink(t, channel)));
    }

    /** "Contact manager": counted; the page then opens the chat the {@code openTelegramLink} event names. */
    @Post("/channels/{id}/contact")
    HttpResponse<?> contact(HttpRequest<?> request, MiniAppUser user, long id) {
        ChannelDetails channel = details(id);
        events.record(Event.of(EventType.CONTACT_MANAGER_CLICK, user.id()).withChannel(id));
        String link = managerLink(Texts.of(user.language()), channel);
        if (!Htmx.wantsPartial(request)) {
            return HttpResponse.seeOther(URI.create(link));
        }
        return Htmx.privateHtml(HttpResponse.noContent()).header("HX-Trigger",
                "{\"openTelegramLink\":\"" + link.replace("\"", "%22") + "\"}");
    }

    private HttpResponse<?> favoriteButton(HttpRequest<?> request, MiniAppUser user, long id, boolean favorite) {
        if (!Htmx.wantsPartial(request)) {
            return HttpResponse.seeOther(URI.create("/app/channels/" + id));
        }
        return page(request, user, "favorite", new Views.FavoriteButton(Texts.of(user.language()), id, favorite));
    }

    private ChannelDetails details(long id) {
        return catalog.details(id, settings.similarSlots()).orElseThrow(() -> new MiniAppProblem.NotFound("channel"));
    }

    private Views.Home home(MiniAppUser user, String noticeKey) {
        return new Views.Home(Texts.of(user.language()), catalog.categoriesWithTopChannels(5), noticeKey,
                sponsored.enabled());
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, MiniAppUser user, String name, Object view) {
        return Htmx.render(request, shells.shell(Texts.of(user.language()), true), name, view);
    }

    private String managerLink(Texts t, ChannelDetails channel) {
        String subject = channel.username() != null ? channel.title() + " (@" + channel.username() + ")"
                : channel.title();
        return "https://t.me/" + settings.managerUsername() + "?text="
                + URLEncoder.encode(t.fmt("contact.prefill", subject), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
