package io.chanmarket.admin.analytics;

import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.Option;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.admin.web.Paging;
import io.chanmarket.core.analytics.AnalyticsReports.Conversion;
import io.chanmarket.core.analytics.AnalyticsReports.ConversionSort;
import io.chanmarket.core.analytics.AnalyticsReports.LinkReport;
import io.chanmarket.core.analytics.AnalyticsReports.Point;
import io.chanmarket.core.analytics.AnalyticsReports.Target;
import io.chanmarket.core.analytics.AnalyticsReports.UsersPoint;
import io.chanmarket.core.analytics.AnalyticsReports;
import io.chanmarket.core.analytics.Preset;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.platform.shared.PageOf;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Analytics dashboards (charts, tables, CSV) for admins and managers, read from the daily rollups. */
@Controller("/admin/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Allowed(Role.MANAGER)
@Requires(property = "app.roles.admin", notEquals = "false")
public class AnalyticsController {

    static final int CONVERSIONS_PAGE_SIZE = 50;

    private final AnalyticsReports reports;
    private final CatalogEditing catalog;
    private final AdminPages pages;

    AnalyticsController(AnalyticsReports reports, CatalogEditing catalog, AdminPages pages) {
        this.reports = reports;
        this.catalog = catalog;
        this.pages = pages;
    }

    /** What every analytics page shows above its chart: the presets, the chosen one and the time zone. */
    @Introspected
    public record Frame(PageContext ctx, String tab, List<Preset> presets, Preset preset, String timeZone,
            String query) {
    }

    /** {@code name} is the chosen category's or channel's name (the id when it no longer exists). */
    @Introspected
    public record OpeningsPage(Frame frame, List<Option> categories, String target, long id, String name, Chart chart,
            List<Point> points) {
    }

    /** One page of the conversions table; {@code sort} and {@code dir} are the query values in force. */
    @Introspected
    public record ConversionsPage(Frame frame, String by, PageOf<Conversion> rows, String sort, String dir) {

        /** The link of a column header: that column, descending first, or flipped when it is the current one. */
        public String sortUrl(String column) {
            String d = column.equals(sort) && dir.equals("desc") ? "asc" : "desc";
            return pageUrl(1, column, d);
        }

        public String pageUrl(int page) {
            return pageUrl(page, sort, dir);
        }

        private String pageUrl(int page, String s, String d) {
            return "/admin/analytics/conversions?preset=" + frame.preset().id() + "&by=" + by + "&sort=" + s + "&dir="
                    + d + "&page=" + page;
        }
    }

    @Introspected
    public record LinksPage(Frame frame, List<LinkReport> rows) {
    }

    @Introspected
    public record UsersPage(Frame frame, Chart chart, List<UsersPoint> points) {
    }

    @Get
    HttpResponse<?> index() {
        return HttpResponse.seeOther(URI.create("/admin/analytics/openings"));
    }

    @Get("/openings")
    ModelAndView<Map<String, Object>> openings(HttpRequest<?> request, @Nullable @QueryValue String preset,
            @Nullable @QueryValue String category, @Nullable @QueryValue String channel) {
        Preset p = preset(preset);
        List<Option> categories = new ArrayList<>();
        catalog.allCategories()
                .forEach(c -> categories.add(new Option(String.valueOf(c.id()), c.nameRu() + " / " + c.nameEn())));
        Target target = blank(channel) ? Target.CATEGORY : Target.CHANNEL;
        long id = target == Target.CHANNEL ? id(channel) : blank(category)
                ? (categories.isEmpty() ? 0 : Long.parseLong(categories.get(0).value())) : id(category);
        List<Point> points = reports.openings(p, target, id);
        String query = target == Target.CHANNEL ? "channel=" + id : "category=" + id;
        Chart chart = Chart.of(points.stream().map(pt -> pt.bucket().toString()).toList(),
                points.stream().mapToLong(Point::value).toArray());
        Frame frame = frame(request, "openings", p, query);
        boolean en = "en".equals(frame.ctx().lang());
        String name = target == Target.CHANNEL ? catalog.channel(id).map(c -> c.title()).orElse("#" + id)
                : catalog.category(id).map(c -> en ? c.nameEn() : c.nameRu()).orElse("#" + id);
        return page("admin/analytics/openings",
                new OpeningsPage(frame, categories, target.name().toLowerCase(Locale.ROOT), id, name, chart, points));
    }

    @Get("/openings.csv")
    HttpResponse<String> openingsCsv(@Nullable @QueryValue String preset, @Nullable @QueryValue String category,
            @Nullable @QueryValue String channel) {
        Preset p = preset(preset);
        Target target = blank(channel) ? Target.CATEGORY : Target.CHANNEL;
        long id = id(target == Target.CHANNEL ? channel : category);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(p.step() == Preset.Step.DAY ? "day" : "week", "openings"));
        reports.openings(p, target, id).forEach(pt -> rows.add(List.of(pt.bucket(), pt.value())));
        return Csv.download("openings-" + target.name().toLowerCase(Locale.ROOT) + "-" + id + "-" + p.id() + ".csv",
                rows);
    }

    @Get("/conversions")
    ModelAndView<Map<String, Object>> conversions(HttpRequest<?> request, @Nullable @QueryValue String preset,
            @Nullable @QueryValue String by, @Nullable @QueryValue String sort, @Nullable @QueryValue String dir,
            @Nullable @QueryValue String page) {
        Preset p = preset(preset);
        Target target = by(by);
        ConversionSort order = sort(sort);
        boolean descending = descending(dir);
        String b = target.name().toLowerCase(Locale.ROOT);
        PageOf<Conversion> rows = reports.conversions(p, target, order, descending, Paging.page(page),
                CONVERSIONS_PAGE_SIZE);
        return page("admin/analytics/conversions", new ConversionsPage(frame(request, "conversions", p, "by=" + b), b,
                rows, order.name().toLowerCase(Locale.ROOT), descending ? "desc" : "asc"));
    }

    @Get("/conversions.csv")
    HttpResponse<String> conversionsCsv(@Nullable @QueryValue String preset, @Nullable @QueryValue String by) {
        Preset p = preset(preset);
        Target target = by(by);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(target.name().toLowerCase(Locale.ROOT) + "_id", "name", "channel_opens", "price_clicks",
                "open_to_price_pct", "contact_clicks", "open_to_contact_pct"));
        for (Conversion c : reports.conversions(p, target)) {
            rows.add(List.of(c.id(), c.name(), c.opens(), c.priceClicks(), Rates.percent(c.priceRate()),
                    c.contactClicks(), Rates.percent(c.contactRate())));
        }
        return Csv.download("conversions-" + target.name().toLowerCase(Locale.ROOT) + "-" + p.id() + ".csv", rows);
    }

    @Get("/links")
    ModelAndView<Map<String, Object>> links(HttpRequest<?> request, @Nullable @QueryValue String preset) {
        Preset p = preset(preset);
        return page("admin/analytics/links", new LinksPage(frame(request, "links", p, ""), reports.links(p)));
    }

    @Get("/links.csv")
    HttpResponse<String> linksCsv(@Nullable @QueryValue String preset) {
        Preset p = preset(preset);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("link_id", "code", "label", "channel", "arrivals", "category_opens", "channel_opens",
                "price_clicks", "contact_clicks", "favorites_added"));
        for (LinkReport l : reports.links(p)) {
            rows.add(java.util.Arrays.asList(l.linkId(), l.code(), l.label(), l.channelTitle(), l.arrivals(),
                    l.categoryOpens(), l.channelOpens(), l.priceClicks(), l.contactClicks(), l.favorites()));
        }
        return Csv.download("links-" + p.id() + ".csv", rows);
    }

    @Get("/users")
    ModelAndView<Map<String, Object>> users(HttpRequest<?> request, @Nullable @QueryValue String preset) {
        Preset p = preset(preset);
        List<UsersPoint> points = reports.users(p);
        Chart chart = Chart.of(points.stream().map(pt -> pt.bucket().toString()).toList(),
                points.stream().mapToLong(UsersPoint::newUsers).toArray(),
                points.stream().mapToLong(UsersPoint::activeUsers).toArray());
        return page("admin/analytics/users", new UsersPage(frame(request, "users", p, ""), chart, points));
    }

    @Get("/users.csv")
    HttpResponse<String> usersCsv(@Nullable @QueryValue String preset) {
        Preset p = preset(preset);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(p.step() == Preset.Step.DAY ? "day" : "week", "new_users", "active_users"));
        reports.users(p).forEach(pt -> rows.add(List.of(pt.bucket(), pt.newUsers(), pt.activeUsers())));
        return Csv.download("users-" + p.id() + ".csv", rows);
    }

    /** The templates take the page record as their one parameter {@code page}. */
    private static ModelAndView<Map<String, Object>> page(String view, Record page) {
        return new ModelAndView<>(view, Map.of("page", page));
    }

    private Frame frame(HttpRequest<?> request, String tab, Preset preset, String query) {
        return new Frame(pages.context(request), tab, reports.presets(), preset, reports.timeZone(), query);
    }

    private Preset preset(@Nullable String id) {
        return reports.preset(id).orElseThrow(() -> AdminProblem.badRequest("analytics.bad-preset"));
    }

    private static ConversionSort sort(@Nullable String sort) {
        if (blank(sort)) {
            return ConversionSort.OPENS;
        }
        for (ConversionSort s : ConversionSort.values()) {
            if (s.name().equalsIgnoreCase(sort)) {
                return s;
            }
        }
        throw AdminProblem.badRequest("analytics.bad-sort");
    }

    private static boolean descending(@Nullable String dir) {
        if (blank(dir) || dir.equals("desc")) {
            return true;
        }
        if (dir.equals("asc")) {
            return false;
        }
        throw AdminProblem.badRequest("analytics.bad-sort");
    }

    private static Target by(@Nullable String by) {
        if (blank(by) || by.equals("channel")) {
            return Target.CHANNEL;
        }
        if (by.equals("category")) {
            return Target.CATEGORY;
        }
        throw AdminProblem.badRequest("analytics.bad-by");
    }

    private static long id(@Nullable String text) {
        try {
            long id = Long.parseLong(text == null ? "" : text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AdminProblem.badRequest("analytics.bad-id");
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
