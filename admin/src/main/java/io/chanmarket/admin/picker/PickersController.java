package io.chanmarket.admin.picker;

import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.catalog.editing.ChannelQuery;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Locale;

/**
 * The search behind the name pickers (htmx autocomplete): channels by title or username, categories by name. Each
 * answers up to {@value #LIMIT} options as buttons carrying the id and the name; the picker puts the id in its hidden
 * field.
 */
@Controller("/admin/pick")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
@Allowed({ Role.MANAGER, Role.MODERATOR })
class PickersController {

    static final int LIMIT = 10;

    private final CatalogEditing catalog;
    private final AdminPages pages;

    PickersController(CatalogEditing catalog, AdminPages pages) {
        this.catalog = catalog;
        this.pages = pages;
    }

    @Introspected
    record OptionsPage(PageContext ctx, List<PickOption> options, String q) {
    }

    @Get("/channels")
    ModelAndView<OptionsPage> channels(HttpRequest<?> request) {
        String search = query(request);
        if (search.length() > 100) {
            search = search.substring(0, 100);
        }
        List<PickOption> options = catalog
                .channels(new ChannelQuery(search.isEmpty() ? null : search, null, null,
                        ChannelQuery.ChannelSort.values()[0], false, 1, LIMIT))
                .items().stream()
                .map(c -> new PickOption(c.id(), c.title(), (c.username() == null ? "" : "@" + c.username() + " · ")
                        + (c.categoryName() == null ? "" : c.categoryName())))
                .toList();
        return new ModelAndView<>("admin/picker/options", new OptionsPage(pages.context(request), options, search));
    }

    @Get("/categories")
    ModelAndView<OptionsPage> categories(HttpRequest<?> request) {
        String search = query(request).toLowerCase(Locale.ROOT);
        PageContext ctx = pages.context(request);
        boolean en = "en".equals(ctx.lang());
        List<PickOption> options = catalog.allCategories().stream()
                .filter(c -> search.isEmpty() || c.nameRu().toLowerCase(Locale.ROOT).contains(search)
                        || c.nameEn().toLowerCase(Locale.ROOT).contains(search) || c.slug().contains(search))
                .limit(LIMIT)
                .map(c -> new PickOption(c.id(), en ? c.nameEn() : c.nameRu(), en ? c.nameRu() : c.nameEn())).toList();
        return new ModelAndView<>("admin/picker/options", new OptionsPage(ctx, options, search));
    }

    /** The typed text: parameter {@code q}, or the picker's own field ({@code <name>_q}, as htmx sends it). */
    private static String query(HttpRequest<?> request) {
        String q = request.getParameters().get("q");
        if (q == null) {
            for (String name : request.getParameters().names()) {
                if (name.endsWith("_q")) {
                    q = request.getParameters().get(name);
                    break;
                }
            }
        }
        return q == null ? "" : q.trim();
    }
}
