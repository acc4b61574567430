package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.Category;
import io.chanmarket.core.catalog.channels.ChannelCard;
import io.chanmarket.core.catalog.channels.ChannelCatalog;
import io.chanmarket.core.catalog.channels.ChannelDetails;
import io.chanmarket.core.events.Event;
import io.chanmarket.core.events.EventLog;
import io.chanmarket.core.events.EventType;
import io.chanmarket.core.favorites.Favorites;
import io.chanmarket.parsers.Parsers;
import io.chanmarket.webapp.miniapp.history.ChannelHistory;
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
import java.util.ArrayList;
import java.util.List;

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
    private final Parsers parsers;
    private final SponsoredSettings sponsored;
    private final ChannelHistory history;

    MiniAppPages(ChannelCatalog catalog, Favorites favorites, EventLog events, DeepLinks deepLinks, ShellFactory shells,
            MiniAppSettings settings, Parsers parsers, SponsoredSettings sponsored, ChannelHistory history) {
        this.history = history;
        this.parsers = parsers;
        this.sponsored = sponsored;
        this.catalog = catalog;
        this.favorites = favorites;
        this.events = events;
        this.deepLinks = deepLinks;
        this.shells = shells;
        this.settings = settings;
    }

    /**
     * Home. {@code startapp} (a plain load of {@code /app?startapp=ch_1}, as in the local preview) is routed like the
     * start payload and redirected to its page, so a reload does not count the arrival twice.
     */
    @Get
    HttpResponse<?> home(HttpRequest<?> request, MiniAppUser user, @Nullable @QueryValue String startapp) {
        if (startapp != null && !startapp.isBlank() && !Htmx.wantsPartial(request)) {
            events.record(Event.of(EventType.MINIAPP_OPEN, user.id()));
            DeepLinks.Target target = deepLinks.resolve(startapp, user.id());
            if (target instanceof DeepLinks.Target.ToChannel c) {
                return Htmx.privateHtml(HttpResponse.seeOther(URI.create("/app/channels/" + c.id())));
            }
            if (target instanceof DeepLinks.Target.ToCategory c) {
                return Htmx.privateHtml(HttpResponse.seeOther(URI.create("/app/categories/" + c.id())));
            }
            return page(request, user, "home", home(user, ((DeepLinks.Target.Home) target).noticeKey()));
        }
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
        if (target instanceof DeepLinks.Target.ToCompare c) {
            return compare(request, user, comparable(c.ids())).header("HX-Replace-Url", Comparison.url(c.ids()));
        }
        return page(request, user, "home", home(user, ((DeepLinks.Target.Home) target).noticeKey()))
                .header("HX-Replace-Url", "/app");
    }

    /**
     * The tab bar in the user's language: the shell (served before initData is known) asks for it along with its first
     * page.
     */
    @Get("/tabs")
    HttpResponse<?> tabs(MiniAppUser user) {
        return Htmx.privateHtml(HttpResponse.ok(new io.micronaut.views.ModelAndView<>("miniapp/tabs",
                new Views.Partial(new Views.Tabs(Texts.of(user.language()), sponsored.enabled(), true)))));
    }

    @Get("/categories/{id}")
    MutableHttpResponse<?> category(HttpRequest<?> request, MiniAppUser user, long id) {
        Category category = catalog.category(id).orElseThrow(() -> new MiniAppProblem.NotFound("category"));
        ListQuery query = ListQuery.from(request.getParameters());
        Texts t = Texts.of(user.language());
        events.record(Event.of(EventType.CATEGORY_OPEN, user.id()).withCategory(id));
        Views.Rows rows = new Views.Rows(t, id, query, catalog.channels(id, query.toFilter(settings.pageSize())),
                sponsored.enabled(), false);
        return page(request, user, "category",
                new Views.CategoryList(t, category, catalog.filterOptions(id), query, rows, sponsored.enabled()));
    }

    /**
     * The rows of a list page (filters, sorting, infinite scroll); a plain load shows the whole category. Sent by the
     * filter form (target {@code #rows}), it also keeps the filters in the category URL (so back, reload and sharing
     * restore them) and puts each refused field's message next to it.
     */
    @Get("/categories/{id}/channels")
    HttpResponse<?> rows(HttpRequest<?> request, MiniAppUser user, long id) {
        if (!Htmx.wantsPartial(request)) {
            return category(request, user, id);
        }
        catalog.category(id).orElseThrow(() -> new MiniAppProblem.NotFound("category"));
        ListQuery query = ListQuery.from(request.getParameters());
        boolean fromForm = "rows".equals(request.getHeaders().get("HX-Target"));
        MutableHttpResponse<?> response = page(request, user, "rows", new Views.Rows(Texts.of(user.language()), id,
                query, catalog.channels(id, query.toFilter(settings.pageSize())), sponsored.enabled(), fromForm));
        return fromForm ? response.header("HX-Replace-Url", query.categoryUrl(id)) : response;
    }

    @Get("/channels/{id}")
    MutableHttpResponse<?> channel(HttpRequest<?> request, MiniAppUser user, long id) {
        ChannelCard card = catalog.card(id, settings.similarSlots(), user.id())
                .orElseThrow(() -> new MiniAppProblem.NotFound("channel"));
        ChannelDetails channel = card.details();
        events.record(Event.of(EventType.CHANNEL_OPEN, user.id()).withChannel(id)
                .withCategory(channel.category() == null ? null : channel.category().id()));
        boolean refreshing = parsers.refreshQueued(id); // the opening just recorded asked for stale numbers
        Texts t = Texts.of(user.language());
        Views.History history = new Views.History(t, id,
                this.history.window(id, Views.History.WINDOWS[0], channel.priceRub()));
        return page(request, user, "card",
                new Views.Card(t, channel, new Views.FavoriteButton(t, id, card.favorite()), managerLink(t, channel),
                        deepLinks.shareUrl(channel.trackedLinkCode()), refreshing, history, compareUrl(user, id)));
    }

    /** The card's history charts over another window (30 or 90 days). */
    @Get("/channels/{id}/history")
    HttpResponse<?> history(HttpRequest<?> request, MiniAppUser user, long id, @Nullable @QueryValue String days) {
        int window = Views.History.WINDOWS[0];
        if (days != null) {
            window = java.util.Arrays.stream(Views.History.WINDOWS).filter(d -> String.valueOf(d).equals(days.trim()))
                    .findFirst().orElseThrow(() -> new MiniAppProblem.BadInput("days must be 30 or 90"));
        }
        if (!Htmx.wantsPartial(request)) {
            return HttpResponse.seeOther(URI.create("/app/channels/" + id));
        }
        ChannelDetails channel = details(id);
        return page(request, user, "history",
                new Views.History(Texts.of(user.language()), id, this.history.window(id, window, channel.priceRub())));
    }

    /**
     * 2-4 channels side by side ({@code ids}: repeated or comma-separated); fewer shows the picker. Counted as an
     * event; the URL is kept canonical ({@code ?ids=1,2,3}) and the page offers the {@code startapp=cmp_<ids>} link.
     */
    @Get("/compare")
    MutableHttpResponse<?> compare(HttpRequest<?> request, MiniAppUser user) {
        List<ChannelDetails> channels = comparable(Comparison.parseIds(request.getParameters().getAll("ids")));
        MutableHttpResponse<?> response = compare(request, user, channels);
        if (Htmx.wantsPartial(request) && !"true".equals(request.getHeaders().get("HX-History-Restore-Request"))) {
            response.header("HX-Push-Url", Comparison.url(ids(channels)));
        }
        return response;
    }

    /** The first four of the asked channels that exist and are shown. */
    private List<ChannelDetails> comparable(List<Long> asked) {
        List<ChannelDetails> channels = new ArrayList<>();
        for (Long id : asked) {
            if (channels.size() == Comparison.MAX) {
                break;
            }
            catalog.details(id, 0).ifPresent(channels::add);
        }
        return channels;
    }

    private static List<Long> ids(List<ChannelDetails> channels) {
        return channels.stream().map(ChannelDetails::id).toList();
    }

    private MutableHttpResponse<?> compare(HttpRequest<?> request, MiniAppUser user, List<ChannelDetails> channels) {
        Texts t = Texts.of(user.language());
        List<Long> ids = ids(channels);
        String share = null;
        if (ids.size() >= Comparison.MIN) {
            share = deepLinks.appUrl(Comparison.payload(ids));
            events.record(Event.of(EventType.COMPARE_OPEN, user.id()).withChannel(ids.get(0)).withLink(null,
                    Comparison.payload(ids)));
        }
        return page(request, user, "compare", new Views.Compare(t, channels, Comparison.rows(t, channels), share,
                catalog.summaries(favorites.channelIds(user.id()))));
    }

    /** The card's "Compare" link: this channel with up to three favorites. */
    private String compareUrl(MiniAppUser user, long id) {
        List<Long> ids = new ArrayList<>();
        ids.add(id);
        for (Long f : favorites.channelIds(user.id())) {
            if (ids.size() == Comparison.MAX) {
                break;
            }
            if (f != id) {
                ids.add(f);
            }
        }
        return Comparison.url(ids);
    }

    /** A favorite removed from the favorites list: answered with the list without it. */
    @Delete("/favorites/{id}")
    HttpResponse<?> removeFromFavorites(HttpRequest<?> request, MiniAppUser user, long id) {
        if (favorites.remove(user.id(), id)) {
            events.record(Event.of(EventType.FAVORITE_REMOVE, user.id()).withChannel(id));
        }
        if (!Htmx.wantsPartial(request)) {
            return HttpResponse.seeOther(URI.create("/app/favorites"));
        }
        return favorites(request, user);
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
        return Htmx.render(request, shells.shell(Texts.of(user.language()), true, user.preview()), name, view);
    }

    private String managerLink(Texts t, ChannelDetails channel) {
        String subject = channel.username() != null ? channel.title() + " (@" + channel.username() + ")"
                : channel.title();
        return "https://t.me/" + settings.managerUsername() + "?text="
                + URLEncoder.encode(t.fmt("contact.prefill", subject), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
