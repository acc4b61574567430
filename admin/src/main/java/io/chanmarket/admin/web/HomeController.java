package io.chanmarket.admin.web;

import io.chanmarket.admin.auth.Allowed;
import io.chanmarket.admin.auth.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.ModelAndView;

/** The start page: links to what the account's role may use. */
@Controller("/admin")
@Requires(property = "app.roles.admin", notEquals = "false")
class HomeController {

    private final AdminPages pages;

    HomeController(AdminPages pages) {
        this.pages = pages;
    }

    @Introspected
    record HomePage(PageContext ctx) {
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Get
    ModelAndView<HomePage> home(HttpRequest<?> request) {
        return new ModelAndView<>("admin/home", new HomePage(pages.context(request)));
    }
}
