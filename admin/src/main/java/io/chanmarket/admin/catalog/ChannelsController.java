package io.chanmarket.admin.catalog;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.Forms;
import io.chanmarket.admin.web.Option;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.admin.web.Paging;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.catalog.editing.ChannelDraft;
import io.chanmarket.core.catalog.editing.ChannelListItem;
import io.chanmarket.core.catalog.editing.EditableCategory;
import io.chanmarket.core.catalog.editing.EditableChannel;
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
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Channels: list with search, filters, sorting and paging; one form for create and edit with every manual field; logo
 * upload; reviews and ad examples (htmx partial {@code #extras}). Moderators see the pages read-only.
 */
@Controller("/admin/channels")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
@Allowed(Role.MANAGER)
class ChannelsController {

    private final CatalogEditing catalog;
    private final CatalogAdministration administration;
    private final LogoStore logos;
    private final AdminPages pages;
    private final Forms forms;

    ChannelsController(CatalogEditing catalog, CatalogAdministration administration, LogoStore logos, AdminPages pages,
            Forms forms) {
        this.catalog = catalog;
        this.administration = administration;
        this.logos = logos;
        this.pages = pages;
        this.forms = forms;
    }

    @Introspected
    record ChannelsPage(PageContext ctx, PageOf<ChannelListItem> channels, ChannelFilter filter,
            List<Option> categories) {
    }

    @Introspected
    record ChannelFormPage(PageContext ctx, @Nullable Long id, ChannelForm form, Map<String, String> errors,
            @Nullable String conflict, List<Option> categories, @Nullable EditableChannel channel, Extras extras,
            long logoMaxKb) {
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Get
    ModelAndView<ChannelsPage> list(HttpRequest<?> request, @Nullable @QueryValue String q,
            @Nullable @QueryValue String category, @Nullable @QueryValue String hidden,
            @Nullable @QueryValue String sort, @Nullable @QueryValue String dir, @Nullable @QueryValue String page) {
        ChannelFilter filter = ChannelFilter.of(q, category, hidden, sort, dir);
        PageOf<ChannelListItem> found = catalog.channels(filter.toQuery(Paging.page(page), Paging.PAGE_SIZE));
        String view = AdminPages.isHtmx(request) ? "admin/catalog/channels_table" : "admin/catalog/channels";
        return new ModelAndView<>(view, new ChannelsPage(pages.context(request), found, filter, categoryOptions()));
    }

    @Get("/new")
    ModelAndView<ChannelFormPage> createForm(HttpRequest<?> request) {
        return form(request, null, ChannelForm.empty(), Map.of(), null);
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Get("/{id}")
    ModelAndView<ChannelFormPage> editForm(HttpRequest<?> request, long id) {
        EditableChannel channel = catalog.channel(id).orElseThrow(AdminProblem::notFound);
        return form(request, id, ChannelForm.of(channel), Map.of(), null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            @Body ChannelForm form) {
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(form(request, null, form, errors, null));
        }
        return outcome(request, null, form, administration.createChannel(actor, form.draft()));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body ChannelForm form) {
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(form(request, id, form, errors, null));
        }
        return outcome(request, id, form, administration.updateChannel(actor, id, form.versionNumber(), form.draft()));
    }

    /** The form's field errors, and whether its category exists. */
    private Map<String, String> errors(ChannelForm form) {
        Map<String, String> errors = new LinkedHashMap<>(forms.errors(form));
        if (!errors.containsKey("categoryId") && !form.categoryExists(categoryIds())) {
            errors.put("categoryId", "error.category");
        }
        return errors;
    }

    @Post("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body VersionForm form) {
        SaveResult<EditableChannel> result = administration.deleteChannel(actor, id, form.versionNumber());
        return result instanceof SaveResult.Saved<EditableChannel>
                ? HttpResponse.seeOther(URI.create("/admin/channels")) : outcome(request, id, null, result);
    }

    @Post("/{id}/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadLogo(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Nullable @Part("logo") CompletedFileUpload logo, @Nullable @Part("version") String version)
            throws IOException {
        EditableChannel channel = catalog.channel(id).orElseThrow(AdminProblem::notFound);
        LogoStore.Stored stored = logos.store(logo == null ? new byte[0] : logo.getBytes());
        if (stored.errorKey() != null) {
            return HttpResponse.unprocessableEntity()
                    .body(form(request, id, ChannelForm.of(channel), Map.of("logo", stored.errorKey()), null));
        }
        return outcome(request, id, ChannelForm.of(channel),
                administration.setLogo(actor, id, FormValues.version(version), stored.url()));
    }

    @Post("/{id}/reviews")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addReview(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body ExtrasForm form) {
        Map<String, String> errors = forms.errors(form, ExtrasForm.Review.class);
        if (!errors.isEmpty()) {
            return extras(request, id, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return extrasOutcome(request, id, administration.addReview(actor, id, form.author(), form.text(),
                form.rating().isEmpty() ? null : Integer.valueOf(form.rating())));
    }

    @Post("/{id}/reviews/{reviewId}/delete")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL })
    HttpResponse<?> deleteReview(HttpRequest<?> request,
            @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor, long id, long reviewId) {
        return extrasOutcome(request, id, administration.deleteReview(actor, id, reviewId));
    }

    @Post("/{id}/ad-examples")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addAdExample(HttpRequest<?> request,
            @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor, long id, @Body ExtrasForm form) {
        Map<String, String> errors = forms.errors(form, ExtrasForm.AdExample.class);
        if (!errors.isEmpty()) {
            return extras(request, id, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return extrasOutcome(request, id, administration.addAdExample(actor, id, form.title(),
                form.postUrl().isEmpty() ? null : form.postUrl(), form.imageUrl().isEmpty() ? null : form.imageUrl()));
    }

    @Post("/{id}/ad-examples/{exampleId}/delete")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL })
    HttpResponse<?> deleteAdExample(HttpRequest<?> request,
            @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor, long id, long exampleId) {
        return extrasOutcome(request, id, administration.deleteAdExample(actor, id, exampleId));
    }

    private HttpResponse<?> extrasOutcome(HttpRequest<?> request, long id, SaveResult<?> result) {
        if (!(result instanceof SaveResult.Saved<?>)) {
            throw AdminProblem.notFound();
        }
        if (!AdminPages.isHtmx(request)) {
            return HttpResponse.seeOther(URI.create("/admin/channels/" + id));
        }
        return extras(request, id, ExtrasForm.empty(), Map.of(), HttpStatus.OK);
    }

    /** The {@code #extras} partial for htmx, else the whole page. */
    private HttpResponse<?> extras(HttpRequest<?> request, long id, ExtrasForm form, Map<String, String> errors,
            HttpStatus status) {
        EditableChannel channel = catalog.channel(id).orElseThrow(AdminProblem::notFound);
        Extras extras = new Extras(id, catalog.reviews(id), catalog.adExamples(id), form, errors);
        if (AdminPages.isHtmx(request)) {
            return HttpResponse.status(status).body(new ModelAndView<>("admin/catalog/channel_extras",
                    new ExtrasPartial(pages.context(request), extras)));
        }
        return HttpResponse.status(status)
                .body(new ModelAndView<>("admin/catalog/channel_form",
                        new ChannelFormPage(pages.context(request), id, ChannelForm.of(channel), Map.of(), null,
                                categoryOptions(), channel, extras, logos.maxBytes() / 1024)));
    }

    @Introspected
    record ExtrasPartial(PageContext ctx, Extras extras) {
    }

    private HttpResponse<?> outcome(HttpRequest<?> request, @Nullable Long id, @Nullable ChannelForm form,
            SaveResult<EditableChannel> result) {
        if (result instanceof SaveResult.Saved<EditableChannel> saved) {
            return HttpResponse.seeOther(URI.create("/admin/channels/" + saved.value().id()));
        }
        if (result instanceof SaveResult.Stale<EditableChannel> stale) {
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(form(request, id, ChannelForm.of(stale.current()), Map.of(), "error.conflict"));
        }
        if (result instanceof SaveResult.InUse<EditableChannel>) {
            EditableChannel current = catalog.channel(id).orElseThrow(AdminProblem::notFound);
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(form(request, id, ChannelForm.of(current), Map.of(), "error.channel-in-use"));
        }
        if (result instanceof SaveResult.Duplicate<EditableChannel> && form != null) {
            return HttpResponse.unprocessableEntity()
                    .body(form(request, id, form, Map.of("username", "error.channel-username-taken"), null));
        }
        throw AdminProblem.notFound();
    }

    private ModelAndView<ChannelFormPage> form(HttpRequest<?> request, @Nullable Long id, ChannelForm form,
            Map<String, String> errors, @Nullable String conflict) {
        EditableChannel channel = id == null ? null : catalog.channel(id).orElseThrow(AdminProblem::notFound);
        Extras extras = id == null ? new Extras(0, List.of(), List.of(), ExtrasForm.empty(), Map.of())
                : new Extras(id, catalog.reviews(id), catalog.adExamples(id), ExtrasForm.empty(), Map.of());
        return new ModelAndView<>("admin/catalog/channel_form", new ChannelFormPage(pages.context(request), id, form,
                errors, conflict, categoryOptions(), channel, extras, logos.maxBytes() / 1024));
    }

    private List<Option> categoryOptions() {
        List<Option> options = new ArrayList<>();
        for (EditableCategory category : catalog.allCategories()) {
            options.add(new Option(String.valueOf(category.id()), category.nameRu() + " / " + category.nameEn()));
        }
        return options;
    }

    private Set<Long> categoryIds() {
        return catalog.allCategories().stream().map(EditableCategory::id).collect(Collectors.toSet());
    }
}
