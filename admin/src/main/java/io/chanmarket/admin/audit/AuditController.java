package io.chanmarket.admin.audit;

import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.admin.web.Paging;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.List;

/** The audit log, newest first, filtered by entity and actor; admins only. */
@Controller("/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final AdminPages pages;

    AuditController(AuditLog audit, AdminPages pages) {
        this.audit = audit;
        this.pages = pages;
    }

    @Introspected
    record AuditPage(PageContext ctx, AuditLog.Page log, String entity, String actor, List<String> entities) {
    }

    @Get
    ModelAndView<AuditPage> list(HttpRequest<?> request, @Nullable @QueryValue String entity,
            @Nullable @QueryValue String actor, @Nullable @QueryValue String page) {
        String e = entity == null ? "" : entity.trim();
        String a = actor == null ? "" : actor.trim();
        AuditLog.Page log = audit.page(e, a, Paging.page(page), PAGE_SIZE);
        return new ModelAndView<>("admin/audit/list",
                new AuditPage(pages.context(request), log, e, a, audit.entities()));
    }
}
