package io.chanmarket.admin.catalog;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.Forms;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.admin.web.Paging;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.catalog.editing.EditableCategory;
import io.chanmarket.core.catalog.editing.SaveResult;
import io.chanmarket.core.platform.shared.PageOf;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;

/** Categories: list with search and paging, one form for create and edit, delete of empty categories. */
@Controller("/admin/categories")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
@Allowed(Role.MANAGER)
class CategoriesController {

    private final CatalogEditing catalog;
    private final CatalogAdministration administration;
    private final AdminPages pages;
    private final Forms forms;

    CategoriesController(CatalogEditing catalog, CatalogAdministration administration, AdminPages pages, Forms forms) {
        this.catalog = catalog;
        this.administration = administration;
        this.pages = pages;
        this.forms = forms;
    }

    @Introspected
    record CategoriesPage(PageContext ctx, PageOf<EditableCategory> categories, String q) {
    }

    @Introspected
    record CategoryFormPage(PageContext ctx, @Nullable Long id, CategoryForm form, Map<String, String> errors,
            @Nullable String conflict) {
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Get
    ModelAndView<CategoriesPage> list(HttpRequest<?> request, @Nullable @QueryValue String q,
            @Nullable @QueryValue String page) {
        String search = q == null ? "" : q.trim();
        PageOf<EditableCategory> found = catalog.categories(search, Paging.page(page), Paging.PAGE_SIZE);
        String view = AdminPages.isHtmx(request) ? "admin/catalog/categories_table" : "admin/catalog/categories";
        return new ModelAndView<>(view, new CategoriesPage(pages.context(request), found, search));
    }

    @Get("/new")
    ModelAndView<CategoryFormPage> createForm(HttpRequest<?> request) {
        return form(request, null, CategoryForm.empty(), Map.of(), null);
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Get("/{id}")
    ModelAndView<CategoryFormPage> editForm(HttpRequest<?> request, long id) {
        EditableCategory category = catalog.category(id).orElseThrow(AdminProblem::notFound);
        return form(request, id, CategoryForm.of(category), Map.of(), null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            @Body CategoryForm form) {
        Map<String, String> errors = forms.errors(form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(form(request, null, form, errors, null));
        }
        return outcome(request, null, form, administration.createCategory(actor, form.draft()));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body CategoryForm form) {
        Map<String, String> errors = forms.errors(form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(form(request, id, form, errors, null));
        }
        return outcome(request, id, form, administration.updateCategory(actor, id, form.versionNumber(), form.draft()));
    }

    @Post("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body VersionForm form) {
        SaveResult<EditableCategory> result = administration.deleteCategory(actor, id, form.versionNumber());
        if (result instanceof SaveResult.InUse<EditableCategory>) {
            EditableCategory current = catalog.category(id).orElseThrow(AdminProblem::notFound);
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(form(request, id, CategoryForm.of(current), Map.of(), "error.category-in-use"));
        }
        return outcome(request, id, null, result);
    }

    private HttpResponse<?> outcome(HttpRequest<?> request, @Nullable Long id, @Nullable CategoryForm form,
            SaveResult<EditableCategory> result) {
        if (result instanceof SaveResult.Saved<EditableCategory>) {
            return HttpResponse.seeOther(URI.create("/admin/categories"));
        }
        if (result instanceof SaveResult.Stale<EditableCategory> stale) {
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(form(request, id, CategoryForm.of(stale.current()), Map.of(), "error.conflict"));
        }
        if (result instanceof SaveResult.Duplicate<EditableCategory> && form != null) {
            return HttpResponse.unprocessableEntity()
                    .body(form(request, id, form, Map.of("slug", "error.slug-taken"), null));
        }
        throw AdminProblem.notFound();
    }

    private ModelAndView<CategoryFormPage> form(HttpRequest<?> request, @Nullable Long id, CategoryForm form,
            Map<String, String> errors, @Nullable String conflict) {
        return new ModelAndView<>("admin/catalog/category_form",
                new CategoryFormPage(pages.context(request), id, form, errors, conflict));
    }
}
