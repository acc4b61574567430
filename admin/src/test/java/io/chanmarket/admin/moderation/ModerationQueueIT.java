package io.chanmarket.admin.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.TestDatabase;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.core.ads.advertisers.AdvertiserUpsert;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.CampaignDraft;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.clock.AdClock;
import io.chanmarket.core.ads.reports.Report;
import io.chanmarket.core.ads.reports.ReportRequest;
import io.chanmarket.core.ads.reports.Reports;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The moderation queue over HTTP: roles, filters, state changes, stopping and editing a campaign, CSRF, audit. */
@MicronautTest(transactional = false)
class ModerationQueueIT extends AdminTestSupport {

    @Inject
    Advertisers advertisers;
    @Inject
    Campaigns campaigns;
    @Inject
    Reports reports;
    @Inject
    AdClock clock;

    private Campaign aCampaign(String title, String text) {
        String advertiser = UUID.randomUUID().toString();
        advertisers.upsert(List.of(new AdvertiserUpsert(advertiser, "Shop " + advertiser.substring(0, 6))));
        int today = clock.today();
        return campaigns.create(advertiser, new CampaignDraft(100, 10, 1.0, 2.0, title, text, today, today + 5,
                new CampaignDraft.TargetingDraft("FEMALE", 18, 40, "Kazan")));
    }

    private Report aReport(Campaign campaign, String reason) {
        return reports.create(new ReportRequest(campaign.campaignId().toString(), reason, null, "viewer@example"));
    }

    private static long count(String where) {
        return TestDatabase.queryLong("SELECT count(*) FROM " + where);
    }

    @Test
    void moderatorsAndAdminsMayUseTheQueueManagersMayNot() {
        Campaign campaign = aCampaign("Fast loans", "Money in 5 minutes");
        Report report = aReport(campaign, "Looks like a scam " + UUID.randomUUID());

        AdminBrowser moderator = signedIn(Role.MODERATOR);
        HttpResponse<String> queue = moderator.get("/admin/moderation");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Moderation queue").contains(report.reason()).contains("Fast loans");
        assertThat(moderator.get("/admin").body()).contains("/admin/moderation");
        assertThat(signedIn(Role.ADMIN).get("/admin/moderation/" + report.reportId()).statusCode()).isEqualTo(200);

        AdminBrowser manager = signedIn(Role.MANAGER);
        assertThat(manager.get("/admin/moderation").statusCode()).isEqualTo(403);
        assertThat(manager.get("/admin/moderation/" + report.reportId()).statusCode()).isEqualTo(403);
        assertThat(manager.postForm("/admin/moderation/" + report.reportId() + "/stop", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(manager.get("/admin").body()).doesNotContain("/admin/moderation");
        assertThat(browser().get("/admin/moderation").statusCode()).isIn(303, 401);
        assertThat(campaigns.get(campaign.campaignId()).stoppedByModerator()).isFalse();
    }

    @Test
    void theQueueFiltersByStateAndAutomaticFlagNewestFirstWithAnHtmxPartial() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Campaign campaign = aCampaign("Casino " + tag, "Win big");
        Report older = aReport(campaign, "older " + tag);
        Report flagged = aReport(campaign, "flagged " + tag);
        Report cleared = aReport(campaign, "cleared " + tag);
        TestDatabase.execute("UPDATE ad_report SET llm_status = 'DONE', llm_flag = TRUE WHERE report_id = '"
                + flagged.reportId() + "'");
        TestDatabase.execute("UPDATE ad_report SET llm_status = 'DONE', llm_flag = FALSE WHERE report_id = '"
                + cleared.reportId() + "'");
        TestDatabase.execute("UPDATE ad_report SET state = 'SKIPPED' WHERE report_id = '" + older.reportId() + "'");

        AdminBrowser moderator = signedIn(Role.MODERATOR);
        String all = moderator.get("/admin/moderation").body();
        assertThat(all.indexOf("cleared " + tag)).isLessThan(all.indexOf("flagged " + tag));
        assertThat(all.indexOf("flagged " + tag)).isLessThan(all.indexOf("older " + tag));

        HttpResponse<String> yes = moderator.getHtmx("/admin/moderation?llm=true");
        assertThat(yes.body()).startsWith("<div id=\"reports-table\"").doesNotContain("<html")
                .contains("flagged " + tag).doesNotContain("cleared " + tag).doesNotContain("older " + tag);
        assertThat(moderator.get("/admin/moderation?llm=false").body()).contains("cleared " + tag)
                .doesNotContain("flagged " + tag);
        assertThat(moderator.get("/admin/moderation?llm=none").body()).contains("older " + tag)
                .doesNotContain("flagged " + tag).doesNotContain("cleared " + tag);
        assertThat(moderator.get("/admin/moderation?llm=pending").body()).doesNotContain(tag);
        assertThat(moderator.get("/admin/moderation?state=SKIPPED").body()).contains("older " + tag)
                .doesNotContain("flagged " + tag);
        assertThat(moderator.get("/admin/moderation?state=SENT&llm=true").body()).contains("flagged " + tag)
                .doesNotContain("older " + tag);
        assertThat(moderator.get("/admin/moderation?state=nonsense").statusCode()).isEqualTo(400);
        assertThat(moderator.get("/admin/moderation?llm=maybe").statusCode()).isEqualTo(400);
        assertThat(moderator.get("/admin/moderation?page=abc").statusCode()).isEqualTo(200);
        assertThat(moderator.get("/admin/moderation/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(moderator.get("/admin/moderation/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void aModeratorMovesAReportStopsResumesAndEditsTheCampaignEveryStepAudited() {
        Campaign campaign = aCampaign("Miracle pills", "Lose 10 kg in a day");
        Report report = aReport(campaign, "Dangerous health claims");
        String page = "/admin/moderation/" + report.reportId();
        AdminBrowser moderator = signedIn(Role.MODERATOR);

        HttpResponse<String> view = moderator.get(page);
        assertThat(view.body()).contains("Dangerous health claims").contains("Miracle pills")
                .contains("Lose 10 kg in a day").contains("Shop ").contains("FEMALE").contains("Kazan")
                .contains("served as usual").contains("viewer@example");

        HttpResponse<String> review = moderator.postForm(page + "/state", Map.of("state", "UNDER_REVIEW"));
        assertThat(review.statusCode()).isEqualTo(303);
        assertThat(review.headers().firstValue("Location")).contains(page);
        Report reviewed = reports.get(report.reportId());
        assertThat(reviewed.state()).isEqualTo(Report.State.UNDER_REVIEW);
        assertThat(reviewed.handledBy()).isEqualTo(moderator.username());
        assertThat(moderator.postForm(page + "/state", Map.of("state", "BANNED")).statusCode()).isEqualTo(400);

        assertThat(moderator.postForm(page + "/stop", Map.of()).statusCode()).isEqualTo(303);
        assertThat(campaigns.get(campaign.campaignId()).stoppedByModerator()).isTrue();
        assertThat(campaigns.activeOn(clock.today())).noneMatch(c -> c.campaignId().equals(campaign.campaignId()));
        assertThat(moderator.get(page).body()).contains("stopped by moderation").contains("Resume the campaign");
        assertThat(count("ad_campaign WHERE stopped AND stopped_by = '" + moderator.username() + "' AND campaign_id = '"
                + campaign.campaignId() + "'")).isEqualTo(1);
        assertThat(moderator.postForm(page + "/resume", Map.of()).statusCode()).isEqualTo(303);
        assertThat(campaigns.get(campaign.campaignId()).stoppedByModerator()).isFalse();
        assertThat(campaigns.activeOn(clock.today())).anyMatch(c -> c.campaignId().equals(campaign.campaignId()));

        String version = hidden(moderator.get(page).body(), "version");
        HttpResponse<String> blank = moderator.postForm(page + "/texts",
                Map.of("title", " ", "text", "ok", "version", version));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("Required.");
        HttpResponse<String> edited = moderator.postForm(page + "/texts",
                Map.of("title", "Vitamins", "text", "Daily vitamins for the family", "version", version));
        assertThat(edited.statusCode()).isEqualTo(303);
        Campaign now = campaigns.get(campaign.campaignId());
        assertThat(now.adTitle()).isEqualTo("Vitamins");
        assertThat(now.adText()).isEqualTo("Daily vitamins for the family");
        HttpResponse<String> stale = moderator.postForm(page + "/texts",
                Map.of("title", "Overwrite", "text", "Overwrite", "version", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else has changed this record").contains("Vitamins");
        assertThat(campaigns.get(campaign.campaignId()).adTitle()).isEqualTo("Vitamins");

        assertThat(moderator.postForm(page + "/state", Map.of("state", "ACTION_TAKEN")).statusCode()).isEqualTo(303);
        assertThat(moderator.get("/admin/moderation?state=ACTION_TAKEN").body()).contains("Dangerous health claims");

        String reportAudit = "audit_log WHERE entity = 'ad_report' AND entity_id = '" + report.reportId()
                + "' AND actor_username = '" + moderator.username() + "'";
        assertThat(count(reportAudit)).isEqualTo(2);
        assertThat(count(reportAudit + " AND before_json->>'state' = 'SENT' AND after_json->>'state' = 'UNDER_REVIEW'"))
                .isEqualTo(1);
        String campaignAudit = "audit_log WHERE entity = 'ad_campaign' AND entity_id = '" + campaign.campaignId() + "'";
        assertThat(count(campaignAudit + " AND action = 'STOP' AND after_json->>'stopped' = 'true'")).isEqualTo(1);
        assertThat(count(campaignAudit + " AND action = 'RESUME' AND after_json->>'stopped' = 'false'")).isEqualTo(1);
        assertThat(count(campaignAudit + " AND action = 'UPDATE' AND before_json->>'adTitle' = 'Miracle pills'"
                + " AND after_json->>'adTitle' = 'Vitamins'")).isEqualTo(1);
    }

    @Test
    void changesWithoutTheCsrfTokenAreRejectedAndChangeNothing() {
        Campaign campaign = aCampaign("Crypto doubling", "Send 1 get 2");
        Report report = aReport(campaign, "Fraud");
        String page = "/admin/moderation/" + report.reportId();
        AdminBrowser moderator = signedIn(Role.MODERATOR);
        moderator.get(page);

        HttpResponse<String> stop = moderator.postFormAnonymous(page + "/stop", Map.of());
        assertThat(stop.statusCode()).isEqualTo(403);
        assertThat(stop.body()).contains("CSRF");
        assertThat(moderator.postFormAnonymous(page + "/state", Map.of("_csrf", "forged", "state", "SKIPPED"))
                .statusCode()).isEqualTo(403);
        assertThat(moderator.postFormAnonymous(page + "/texts", Map.of("title", "x", "text", "y")).statusCode())
                .isEqualTo(403);
        assertThat(campaigns.get(campaign.campaignId()).stoppedByModerator()).isFalse();
        assertThat(campaigns.get(campaign.campaignId()).adTitle()).isEqualTo("Crypto doubling");
        assertThat(reports.get(report.reportId()).state()).isEqualTo(Report.State.SENT);
        assertThat(count("audit_log WHERE entity_id IN ('" + report.reportId() + "', '" + campaign.campaignId() + "')"))
                .isZero();
        assertThat(moderator.postForm(page + "/stop", Map.of()).statusCode()).as("with the token").isEqualTo(303);
    }

    @Test
    void aBlacklistedEditIsRefusedWithTheReasonWhenModerationIsOn() {
        Campaign campaign = aCampaign("Shoes", "New collection");
        Report report = aReport(campaign, "Wrong price");
        String page = "/admin/moderation/" + report.reportId();
        AdminBrowser moderator = signedIn(Role.MODERATOR);
        String version = hidden(moderator.get(page).body(), "version");
        TestDatabase.execute("INSERT INTO ad_blacklist (phrase) VALUES ('казино') ON CONFLICT DO NOTHING");
        TestDatabase.execute("UPDATE ad_moderation_setting SET enabled = TRUE");
        try {
            io.chanmarket.core.ads.moderation.Moderation moderation = server.getApplicationContext()
                    .getBean(io.chanmarket.core.ads.moderation.Moderation.class);
            moderation.update(new io.chanmarket.core.ads.moderation.Moderation.Settings(true));
            HttpResponse<String> refused = moderator.postForm(page + "/texts",
                    Map.of("title", "Онлайн казино", "text", "New collection", "version", version));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("The texts were refused").contains("казино");
            assertThat(campaigns.get(campaign.campaignId()).adTitle()).isEqualTo("Shoes");
        } finally {
            server.getApplicationContext().getBean(io.chanmarket.core.ads.moderation.Moderation.class)
                    .update(new io.chanmarket.core.ads.moderation.Moderation.Settings(false));
            TestDatabase.execute("DELETE FROM ad_blacklist WHERE phrase = 'казино'");
        }
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }
}
