package io.chanmarket.admin.mailing;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.mailing.Mailing;
import io.chanmarket.core.mailing.MailingState;
import io.chanmarket.core.mailing.Mailings;
import io.chanmarket.core.mailing.Progress;
import io.chanmarket.core.mailing.Segment;
import io.chanmarket.core.mailing.Segments;
import io.chanmarket.core.mailing.TelegramHtml;
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
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Mailings: list, compose (one form for create and edit of drafts, with a preview and the audience size), send a test
 * to yourself, start, pause, resume, cancel, and the progress and final report (an htmx partial the page polls while
 * the mailing runs). Admins and managers only.
 */
@Controller("/admin/mailings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
@Allowed(Role.MANAGER)
class MailingsController {

    private final Mailings mailings;
    private final Segments segments;
    private final MailingAdministration administration;
    private final CatalogEditing catalog;
    private final AdminPages pages;

    MailingsController(Mailings mailings, Segments segments, MailingAdministration administration,
            CatalogEditing catalog, AdminPages pages) {
        this.mailings = mailings;
        this.segments = segments;
        this.administration = administration;
        this.catalog = catalog;
        this.pages = pages;
    }

    @Introspected
    record ListPage(PageContext ctx, List<Mailing> mailings) {
    }

    @Introspected
    record MailingPage(PageContext ctx, @Nullable Mailing mailing, MailingForm form, Map<String, String> errors,
            @Nullable String notice, List<Segment> segments, long audience, String preview, @Nullable String testId,
            @Nullable Progress progress, List<Mailings.TestSend> tests, @Nullable String buttonChannelName) {
    }

    @Introspected
    record TestsPage(PageContext ctx, Mailing mailing, List<Mailings.TestSend> tests) {
    }

    @Introspected
    record ProgressPage(PageContext ctx, Mailing mailing, Progress progress) {
    }

    @Get
    ModelAndView<ListPage> list(HttpRequest<?> request) {
        return new ModelAndView<>("admin/mailing/mailings", new ListPage(pages.context(request), mailings.list(200)));
    }

    @Get("/new")
    ModelAndView<MailingPage> createForm(HttpRequest<?> request) {
        return page(request, null, MailingForm.empty(), Map.of(), null);
    }

    @Get("/{id}")
    ModelAndView<MailingPage> view(HttpRequest<?> request, long id) {
        Mailing mailing = find(id);
        return page(request, mailing, MailingForm.of(mailing), Map.of(), null);
    }

    @Get("/{id}/progress")
    ModelAndView<ProgressPage> progress(HttpRequest<?> request, long id) {
        Mailing mailing = find(id);
        return new ModelAndView<>("admin/mailing/progress",
                new ProgressPage(pages.context(request), mailing, mailings.progress(id)));
    }

    /** The test sends of a mailing and their outcomes (an htmx partial the page polls while one is pending). */
    @Get("/{id}/tests")
    ModelAndView<TestsPage> tests(HttpRequest<?> request, long id) {
        Mailing mailing = find(id);
        return new ModelAndView<>("admin/mailing/tests",
                new TestsPage(pages.context(request), mailing, mailings.tests(id, 20)));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            @Body Map<String, String> fields) {
        MailingForm form = MailingForm.parse(fields);
        Map<String, String> errors = problems(form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(page(request, null, form, errors, null));
        }
        long id = administration.create(actor, form.draft());
        return HttpResponse.seeOther(URI.create("/admin/mailings/" + id));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body Map<String, String> fields) {
        Mailing mailing = find(id);
        MailingForm form = MailingForm.parse(fields);
        Map<String, String> errors = problems(form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(page(request, mailing, form, errors, null));
        }
        return outcome(request, id, administration.update(actor, id, form.versionNumber(), form.draft()));
    }

    @Post("/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> test(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body Map<String, String> fields) {
        Mailing mailing = find(id);
        String raw = fields.getOrDefault("telegramUserId", "").trim();
        long telegramUserId;
        try {
            telegramUserId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            telegramUserId = 0;
        }
        if (telegramUserId <= 0) {
            return HttpResponse.unprocessableEntity().body(page(request, mailing, MailingForm.of(mailing),
                    Map.of("telegramUserId", "mailing.error.telegramId"), null));
        }
        administration.sendTest(actor, id, telegramUserId);
        // post/redirect/get: a reload shows the result instead of sending another test
        return HttpResponse.seeOther(URI.create("/admin/mailings/" + id + "#tests"));
    }

    @Post("/{id}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body Map<String, String> fields) {
        Mailing mailing = find(id);
        if (mailing.segmentIds().isEmpty()) {
            return HttpResponse.unprocessableEntity().body(page(request, mailing, MailingForm.of(mailing),
                    Map.of("segments", "mailing.error.noSegments"), null));
        }
        return act(request, actor, id, "START", fields);
    }

    @Post("/{id}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> pause(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body Map<String, String> fields) {
        return act(request, actor, id, "PAUSE", fields);
    }

    @Post("/{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resume(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body Map<String, String> fields) {
        return act(request, actor, id, "RESUME", fields);
    }

    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body Map<String, String> fields) {
        return act(request, actor, id, "CANCEL", fields);
    }

    private HttpResponse<?> act(HttpRequest<?> request, AdminPrincipal actor, long id, String action,
            Map<String, String> fields) {
        find(id);
        long version = MailingForm.parse(fields).versionNumber();
        return outcome(request, id, administration.act(actor, id, action, version));
    }

    private HttpResponse<?> outcome(HttpRequest<?> request, long id, Mailings.Change change) {
        if (change == Mailings.Change.DONE) {
            return HttpResponse.seeOther(URI.create("/admin/mailings/" + id));
        }
        if (change == Mailings.Change.NOT_FOUND) {
            throw AdminProblem.notFound();
        }
        Mailing current = find(id);
        String notice = switch (change) {
        case STALE -> "error.conflict";
        case EMPTY_AUDIENCE -> "mailing.error.emptyAudience";
        default -> "mailing.error.state";
        };
        HttpStatus status = change == Mailings.Change.EMPTY_AUDIENCE ? HttpStatus.UNPROCESSABLE_ENTITY
                : HttpStatus.CONFLICT;
        return HttpResponse.status(status).body(page(request, current, MailingForm.of(current), Map.of(), notice));
    }

    private Map<String, String> problems(MailingForm form) {
        Map<String, String> errors = form.problems();
        Long channel = form.channelId();
        if (channel != null && !errors.containsKey("buttonChannelId") && catalog.channel(channel).isEmpty()) {
            errors.put("buttonChannelId", "mailing.error.channel");
        }
        List<Long> known = segments.list().stream().map(Segment::id).toList();
        if (!known.containsAll(form.segmentIds())) {
            errors.put("segments", "mailing.error.segments");
        }
        return errors;
    }

    private Mailing find(long id) {
        Mailing mailing = mailings.find(id).orElseThrow(AdminProblem::notFound);
        if (mailing.test()) {
            throw AdminProblem.notFound();
        }
        return mailing;
    }

    private ModelAndView<MailingPage> page(HttpRequest<?> request, @Nullable Mailing mailing, MailingForm form,
            Map<String, String> errors, @Nullable String notice) {
        PageContext ctx = pages.context(request);
        long audience = segments.audienceSize(form.segmentIds());
        String preview = TelegramHtml.preview(form.text());
        String testId = ctx.user() == null ? null
                : administration.telegramUserId(ctx.user()).map(String::valueOf).orElse(null);
        Progress progress = mailing == null || mailing.state() == MailingState.DRAFT ? null
                : mailings.progress(mailing.id());
        List<Mailings.TestSend> tests = mailing == null ? List.of() : mailings.tests(mailing.id(), 20);
        Long channelId = form.channelId();
        String channelName = channelId == null ? null : catalog.channel(channelId).map(c -> c.title()).orElse(null);
        return new ModelAndView<>("admin/mailing/mailing", new MailingPage(ctx, mailing, form, errors, notice,
                segments.list(), audience, preview, testId, progress, tests, channelName));
    }
}
