package io.chanmarket.admin.web;

import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

/**
 * The start page: for managers and admins the dashboard (today and the last 7 days, each figure linking to its page),
 * and links to what the account's role may use. The dashboard reads the database: on the blocking executor, like every
 * admin page (the access filter's own hop does not guarantee it; BlockHound caught it on the event loop once).
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
class HomeController {

    private final AdminPages pages;
    private final io.chanmarket.admin.dashboard.Dashboard dashboard;

    HomeController(AdminPages pages, io.chanmarket.admin.dashboard.Dashboard dashboard) {
        this.pages = pages;
        this.dashboard = dashboard;
    }

    @Introspected
    record HomePage(PageContext ctx,
            io.chanmarket.admin.dashboard.Dashboard.@io.micronaut.core.annotation.Nullable Figures figures) {
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Get
    ModelAndView<HomePage> home(HttpRequest<?> request) {
        PageContext ctx = pages.context(request);
        return new ModelAndView<>("admin/home", new HomePage(ctx, ctx.can(Role.MANAGER) ? dashboard.figures() : null));
    }
}
