package io.chanmarket.admin.mailing;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.Forms;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.catalog.editing.EditableCategory;
import io.chanmarket.core.mailing.Segment;
import io.chanmarket.core.mailing.Segments;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Segments: the automatic topic segments (one per category, with their sizes) and manual ones built from filters on
 * users (language, Premium, last seen, topic interest). Admins and managers only.
 */
@Controller("/admin/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
@Allowed(Role.MANAGER)
class SegmentsController {

    private final Segments segments;
    private final MailingAdministration administration;
    private final CatalogEditing catalog;
    private final AdminPages pages;
    private final Forms forms;

    SegmentsController(Segments segments, MailingAdministration administration, CatalogEditing catalog,
            AdminPages pages, Forms forms) {
        this.segments = segments;
        this.administration = administration;
        this.catalog = catalog;
        this.pages = pages;
        this.forms = forms;
    }

    @Introspected
    record SegmentsPage(PageContext ctx, List<Segment> segments, List<EditableCategory> categories,
            Map<String, String> form, Map<String, String> errors) {
    }

    @Get
    ModelAndView<SegmentsPage> list(HttpRequest<?> request) {
        return page(request, Map.of(), Map.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            @Body Map<String, String> form) {
        SegmentForm segment = SegmentForm.of(form);
        Map<String, String> errors = new LinkedHashMap<>(forms.errors(segment));
        if (!errors.containsKey("interestCategoryId") && segment.interestCategory() != null
                && catalog.category(segment.interestCategory()).isEmpty()) {
            errors.put("interestCategoryId", "error.not-found");
        }
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(page(request, form, errors));
        }
        administration.createSegment(actor, segment.filter());
        return HttpResponse.seeOther(URI.create("/admin/segments"));
    }

    @Post("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(@RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor, long id) {
        if (!administration.deleteSegment(actor, id)) {
            throw AdminProblem.notFound();
        }
        return HttpResponse.seeOther(URI.create("/admin/segments"));
    }

    private ModelAndView<SegmentsPage> page(HttpRequest<?> request, Map<String, String> form,
            Map<String, String> errors) {
        return new ModelAndView<>("admin/mailing/segments",
                new SegmentsPage(pages.context(request), segments.list(), catalog.allCategories(), form, errors));
    }
}
