package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.reports.Report;
import io.chanmarket.core.ads.reports.ReportFilter;
import io.chanmarket.core.ads.reports.ReportPage;
import io.chanmarket.core.ads.reports.ReportRequest;
import io.chanmarket.core.ads.reports.Reports;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.chanmarket.webapp.ads.contract.AdApiSchemas;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Reports of campaigns (an addition to the contract): anyone files one; API users list them. Moderators handle them in
 * the admin panel's moderation queue.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reports")
@ApiResponse(responseCode = "400", description = "Invalid input (the message says what)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class ReportsController {

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @AdAccess(value = AdAccess.Need.ANYONE, contract = false)
    @Post("/report")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Report a campaign's ad", description = """
            Body: campaign_id (required), reason (1-1000 characters, required), client_id (optional, a known \
            client), reporter (optional free text, up to 200 characters). The report starts in state SENT. With \
            app.ads.reports.llm-check on and an LLM configured, llm_status is pending until the model answered \
            whether the ad violates the rules (llm_flag true/false, or llm_status failed with llm_verdict saying \
            why); otherwise llm_status is off.""")
    @ApiResponse(responseCode = "201", description = "the stored report")
    @ApiResponse(responseCode = "400", description = "a missing or malformed field, named in the message")
    @ApiResponse(responseCode = "404", description = "unknown campaign or client")
    Report create(@Nullable @Body ReportRequest request) {
        return reports.create(request);
    }

    @AdAccess(value = AdAccess.Need.OPERATOR, contract = false)
    @Get("/reports")
    @Operation(summary = "List reports, newest first", description = """
            Filters: state (SENT, UNDER_REVIEW, ACTION_TAKEN, SKIPPED) and llm_flag (true, false, pending, none = \
            not checked or the check failed). Paging: page 1-based (default 1), size 1-100 (default 20); the total \
            is in X-Total-Count.""")
    @ApiResponse(responseCode = "200", description = "a page of reports; header X-Total-Count")
    @ApiResponse(responseCode = "400", description = "bad state, llm_flag, page or size")
    HttpResponse<List<Report>> list(@Nullable @QueryValue String state,
            @Nullable @QueryValue("llm_flag") String llmFlag, @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        ReportPage found = reports.page(ReportFilter.parse(state, llmFlag), page, size);
        return HttpResponse.ok(found.items()).header("X-Total-Count", Long.toString(found.total()));
    }

    @AdAccess(value = AdAccess.Need.OPERATOR, contract = false)
    @Get("/reports/{reportId}")
    @Operation(summary = "One report")
    @ApiResponse(responseCode = "200", description = "the report")
    @ApiResponse(responseCode = "400", description = "bad id")
    @ApiResponse(responseCode = "404", description = "no such report")
    Report get(
            @Parameter(description = "The report's UUID", schema = @Schema(type = "string", format = "uuid")) String reportId) {
        return reports.get(reportId);
    }
}
