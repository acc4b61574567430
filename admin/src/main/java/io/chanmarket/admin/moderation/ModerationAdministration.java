package io.chanmarket.admin.moderation;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.reports.Report;
import io.chanmarket.core.ads.reports.Reports;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The moderators' changes: a report's state, stopping or resuming a campaign, editing its texts. Each change is written
 * to the audit log with the entity before and after. The ad engine stores its change on its own connection, so the
 * audit entry is written right after the change has been committed (never for a change that failed).
 */
@Singleton
@Requires(beans = DataSource.class)
public class ModerationAdministration {

    private final Reports reports;
    private final Campaigns campaigns;
    private final AuditLog audit;

    ModerationAdministration(Reports reports, Campaigns campaigns, AuditLog audit) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    public Report setState(AdminPrincipal actor, UUID reportId, Report.State state) {
        Reports.Change change = reports.setState(reportId, state, actor.username());
        audit.record(actor, "UPDATE", "ad_report", reportId.toString(), summary(change.before()),
                summary(change.after()));
        return change.after();
    }

    /** Stops ({@code stopped = true}) or resumes the campaign. */
    public Campaign setStopped(AdminPrincipal actor, UUID campaignId, boolean stopped) {
        Campaign before = campaigns.get(campaignId);
        Campaign after = campaigns.setStopped(campaignId, stopped, actor.username());
        audit.record(actor, stopped ? "STOP" : "RESUME", "ad_campaign", campaignId.toString(), summary(before),
                summary(after));
        return after;
    }

    /** Replaces the title and text if they are still what the moderator saw (else {@code AdsException.Conflict}). */
    public Campaign editTexts(AdminPrincipal actor, UUID campaignId, String expectedTitle, String expectedText,
            String title, String text) {
        Campaign before = campaigns.get(campaignId);
        Campaign after = campaigns.editTexts(campaignId, expectedTitle, expectedText, title, text);
        audit.record(actor, "UPDATE", "ad_campaign", campaignId.toString(), summary(before), summary(after));
        return after;
    }

    private static Map<String, Object> summary(Report report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", report.campaignId().toString());
        out.put("state", report.state().name());
        out.put("handledBy", report.handledBy());
        return out;
    }

    private static Map<String, Object> summary(Campaign campaign) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("adTitle", campaign.adTitle());
        out.put("adText", campaign.adText());
        out.put("stopped", campaign.stoppedByModerator());
        return out;
    }
}
