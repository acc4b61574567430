package io.chanmarket.admin.moderation;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.Forms;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.admin.web.Paging;
import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.advertisers.Advertiser;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.reports.Report;
import io.chanmarket.core.ads.reports.ReportFilter;
import io.chanmarket.core.ads.reports.ReportPage;
import io.chanmarket.core.ads.reports.Reports;
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

/**
 * The moderation queue: reports of ad campaigns, newest first, filtered by state and automatic (LLM) flag; a report's
 * page shows the campaign and lets a moderator set the report's state, stop or resume the campaign and edit its texts.
 * Moderators and admins.
 */
@Controller("/admin/moderation")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
@Allowed(Role.MODERATOR)
class ModerationQueueController {

    private final Reports reports;
    private final Campaigns campaigns;
    private final Advertisers advertisers;
    private final ModerationAdministration administration;
    private final AdminPages pages;
    private final Forms forms;

    ModerationQueueController(Reports reports, Campaigns campaigns, Advertisers advertisers,
            ModerationAdministration administration, AdminPages pages, Forms forms) {
        this.forms = forms;
        this.reports = reports;
        this.campaigns = campaigns;
        this.advertisers = advertisers;
        this.administration = administration;
        this.pages = pages;
    }

    @Introspected
    record QueuePage(PageContext ctx, ReportPage reports, String state, String llm) {
    }

    @Introspected
    record ReportView(PageContext ctx, Report report, @Nullable Campaign campaign, @Nullable String advertiser,
            TextsForm form, Map<String, String> errors, @Nullable String notice, @Nullable String detail) {
    }

    @Get
    ModelAndView<QueuePage> list(HttpRequest<?> request, @Nullable @QueryValue String state,
            @Nullable @QueryValue String llm, @Nullable @QueryValue String page) {
        ReportFilter filter;
        try {
            filter = ReportFilter.parse(state, llm);
        } catch (AdsException.Invalid e) {
            throw AdminProblem.badRequest("moderation.error.filter");
        }
        ReportPage found = reports.page(filter, Paging.page(page), Paging.PAGE_SIZE);
        String view = AdminPages.isHtmx(request) ? "admin/moderation/queue_table" : "admin/moderation/queue";
        return new ModelAndView<>(view,
                new QueuePage(pages.context(request), found, filter.state() == null ? "" : filter.state().name(),
                        filter.flag() == null ? "" : filter.flag().value()));
    }

    @Get("/{id}")
    ModelAndView<ReportView> view(HttpRequest<?> request, String id) {
        Report report = report(id);
        return page(request, report, null, Map.of(), null, null);
    }

    @Post("/{id}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> state(@RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor, String id,
            @Body Map<String, String> fields) {
        Report report = report(id);
        Report.State state;
        try {
            state = Report.State.parse(fields.get("state"), "state");
        } catch (AdsException.Invalid e) {
            throw AdminProblem.badRequest("moderation.error.state");
        }
        administration.setState(actor, report.reportId(), state);
        return back(report);
    }

    @Post("/{id}/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> stop(@RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor, String id) {
        return stopped(actor, report(id), true);
    }

    @Post("/{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resume(@RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor, String id) {
        return stopped(actor, report(id), false);
    }

    @Post("/{id}/texts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> texts(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            String id, @Body Map<String, String> fields) {
        Report report = report(id);
        TextsForm form = TextsForm.parse(fields);
        Map<String, String> errors = forms.errors(form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(page(request, report, form, errors, null, null));
        }
        Campaign current = campaigns.find(report.campaignId()).orElseThrow(AdminProblem::notFound);
        if (!TextsForm.version(current).equals(form.version())) {
            return conflict(request, report);
        }
        try {
            administration.editTexts(actor, current.campaignId(), current.adTitle(), current.adText(), form.title(),
                    form.text());
        } catch (AdsException.Conflict e) {
            return conflict(request, report);
        } catch (AdsException.Invalid e) {
            return HttpResponse.unprocessableEntity()
                    .body(page(request, report, form, Map.of(), "moderation.error.refused", e.getMessage()));
        } catch (AdsException.NotFound e) {
            throw AdminProblem.notFound();
        }
        return back(report);
    }

    /** 409 with the current texts and a message: someone changed them since the form was loaded. */
    private HttpResponse<?> conflict(HttpRequest<?> request, Report report) {
        return HttpResponse.status(HttpStatus.CONFLICT)
                .body(page(request, report, null, Map.of(), "error.conflict", null));
    }

    private HttpResponse<?> stopped(AdminPrincipal actor, Report report, boolean stopped) {
        try {
            administration.setStopped(actor, report.campaignId(), stopped);
        } catch (AdsException.NotFound e) {
            throw AdminProblem.notFound();
        }
        return back(report);
    }

    private static HttpResponse<?> back(Report report) {
        return HttpResponse.seeOther(URI.create("/admin/moderation/" + report.reportId()));
    }

    private Report report(String id) {
        try {
            return reports.get(Validation.uuid(id, "report_id"));
        } catch (AdsException e) {
            throw AdminProblem.notFound();
        }
    }

    private ModelAndView<ReportView> page(HttpRequest<?> request, Report report, @Nullable TextsForm form,
            Map<String, String> errors, @Nullable String notice, @Nullable String detail) {
        Campaign campaign = campaigns.find(report.campaignId()).orElse(null);
        String advertiser = campaign == null ? null
                : advertisers.find(campaign.advertiserId()).map(Advertiser::name).orElse(null);
        TextsForm shown = form != null ? form : campaign == null ? TextsForm.EMPTY : TextsForm.of(campaign);
        return new ModelAndView<>("admin/moderation/report",
                new ReportView(pages.context(request), report, campaign, advertiser, shown, errors, notice, detail));
    }
}
