package io.chanmarket.admin.ads;

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
import io.chanmarket.core.ads.clients.ClientUpsert;
import io.chanmarket.core.ads.clients.Clients;
import io.chanmarket.core.ads.clock.AdClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ad statistics in the admin panel: advertisers, campaigns and clients made through the ad engine's services, known
 * impression and click rows (as the engine stores them, with the price in force) → exact figures in pages and CSV.
 */
@MicronautTest(transactional = false)
class AdStatsIT extends AdminTestSupport {

    @Inject
    Advertisers advertisers;
    @Inject
    Campaigns campaigns;
    @Inject
    Clients clients;
    @Inject
    AdClock clock;

    @Test
    void advertiserAndCampaignPagesShowExactTotalsPerDayChartsAndCsv() {
        String name = "Acme " + UUID.randomUUID().toString().substring(0, 8);
        String advertiser = anAdvertiser(name);
        int day = clock.today();
        Campaign first = aCampaign(advertiser, "First ad", 0.5, 2.0);
        Campaign second = aCampaign(advertiser, "Second ad", 0.25, 1.0);
        String x = aClient();
        String y = aClient();
        String z = aClient();
        impression(first, x, day, 0.5);
        impression(first, y, day, 0.5);
        click(first, x, day, 2.0);
        impression(first, z, day + 2, 0.5);
        click(first, z, day + 2, 2.0);
        impression(second, x, day + 1, 0.25);

        AdminBrowser manager = signedIn(Role.MANAGER);
        HttpResponse<String> list = manager.get("/admin/ads?q=" + name.replace(' ', '+'));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Found: 1").contains("href=\"/admin/ads/advertisers/" + advertiser + "\"")
                .contains("<td>2</td>");

        HttpResponse<String> page = manager.get("/admin/ads/advertisers/" + advertiser);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<tr class=\"totals\"><td>4</td><td>2</td><td>50.00%</td><td>₽1.75</td><td>₽4</td>"
                        + "<td>₽5.75</td></tr>")
                .contains("href=\"/admin/ads/campaigns/" + first.campaignId() + "\"")
                .contains("<tr><td>" + (day + 1) + "</td><td>1</td><td>0</td><td>0.00%</td><td>₽0.25</td></tr>");
        assertThat(page.body().split("<svg class=\"chart\"", -1)).hasSize(5);
        assertThat(page.body()).contains("<tr data-id=\"" + first.campaignId()
                + "\"><td><a href=\"/admin/ads/campaigns/" + first.campaignId() + "\">First ad</a></td><td>" + day + "–"
                + (day + 10) + "</td><td>3</td><td>2</td><td>66.67%</td><td>₽5.5</td></tr>");

        assertThat(csv(manager, "/admin/ads/advertisers/" + advertiser + "/daily.csv")).containsExactly(
                List.of("day", "impressions", "clicks", "conversion_pct", "spent_impressions", "spent_clicks",
                        "spent_total"),
                List.of(String.valueOf(day), "2", "1", "50.00", "1", "2", "3"),
                List.of(String.valueOf(day + 1), "1", "0", "0.00", "0.25", "0", "0.25"),
                List.of(String.valueOf(day + 2), "1", "1", "100.00", "0.5", "2", "2.5"),
                List.of("total", "4", "2", "50.00", "1.75", "4", "5.75"));
        // a day without events between two with events is shown as zeros
        assertThat(csv(manager, "/admin/ads/campaigns/" + first.campaignId() + "/daily.csv")).containsExactly(
                List.of("day", "impressions", "clicks", "conversion_pct", "spent_impressions", "spent_clicks",
                        "spent_total"),
                List.of(String.valueOf(day), "2", "1", "50.00", "1", "2", "3"),
                List.of(String.valueOf(day + 1), "0", "0", "0.00", "0", "0", "0"),
                List.of(String.valueOf(day + 2), "1", "1", "100.00", "0.5", "2", "2.5"),
                List.of("total", "3", "2", "66.67", "1.5", "4", "5.5"));

        HttpResponse<String> campaign = signedIn(Role.ADMIN).get("/admin/ads/campaigns/" + second.campaignId());
        assertThat(campaign.statusCode()).isEqualTo(200);
        assertThat(campaign.body()).contains("Second ad").contains(name)
                .contains("<tr class=\"totals\"><td>1</td><td>0</td><td>0.00%</td><td>₽0.25</td><td>₽0</td>"
                        + "<td>₽0.25</td></tr>")
                .contains("<svg class=\"chart\"");
    }

    @Test
    void emptyStatesSearchAndPaging() {
        String prefix = "Empty " + UUID.randomUUID().toString().substring(0, 8);
        String advertiser = anAdvertiser(prefix + " 00");
        for (int i = 1; i <= 21; i++) {
            anAdvertiser(prefix + String.format(" %02d", i));
        }
        AdminBrowser manager = signedIn(Role.MANAGER);
        String q = prefix.replace(' ', '+');
        HttpResponse<String> first = manager.get("/admin/ads?q=" + q);
        assertThat(first.body()).contains("Found: 22").contains("Page 1 of 2").contains(prefix + " 19")
                .doesNotContain(prefix + " 20");
        assertThat(manager.get("/admin/ads?q=" + q + "&page=2").body()).contains(prefix + " 21")
                .doesNotContain(prefix + " 19<");
        assertThat(manager.get("/admin/ads?q=no-such-advertiser-" + UUID.randomUUID()).body())
                .contains("No advertiser matches.");

        HttpResponse<String> page = manager.get("/admin/ads/advertisers/" + advertiser);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No impressions yet.").contains("No live campaigns.")
                .doesNotContain("<svg class=\"chart\"");
        assertThat(csv(manager, "/admin/ads/advertisers/" + advertiser + "/daily.csv")).containsExactly(List.of("day",
                "impressions", "clicks", "conversion_pct", "spent_impressions", "spent_clicks", "spent_total"),
                List.of("total", "0", "0", "0.00", "0", "0", "0"));
    }

    @Test
    void moderatorsGet403AndBadIdsAreClear4xx() {
        String advertiser = anAdvertiser("Private " + UUID.randomUUID());
        Campaign campaign = aCampaign(advertiser, "Hidden", 1.0, 1.0);
        AdminBrowser moderator = signedIn(Role.MODERATOR);
        for (String path : List.of("/admin/ads", "/admin/ads/advertisers/" + advertiser,
                "/admin/ads/advertisers/" + advertiser + "/daily.csv", "/admin/ads/campaigns/" + campaign.campaignId(),
                "/admin/ads/campaigns/" + campaign.campaignId() + "/daily.csv")) {
            assertThat(moderator.get(path).statusCode()).as(path).isEqualTo(403);
        }
        AdminBrowser manager = signedIn(Role.MANAGER);
        HttpResponse<String> bad = manager.get("/admin/ads/advertisers/not-a-uuid");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("The id must be a UUID.");
        assertThat(manager.get("/admin/ads/campaigns/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(manager.get("/admin/ads/advertisers/" + UUID.randomUUID() + "/daily.csv").statusCode())
                .isEqualTo(404);
        assertThat(manager.get("/admin").body()).contains("href=\"/admin/ads\"");
        assertThat(moderator.get("/admin").body()).doesNotContain("href=\"/admin/ads\"");
    }

    private String anAdvertiser(String name) {
        String id = UUID.randomUUID().toString();
        advertisers.upsert(List.of(new AdvertiserUpsert(id, name)));
        return id;
    }

    private Campaign aCampaign(String advertiser, String title, double perImpression, double perClick) {
        int today = clock.today();
        return campaigns.create(advertiser, new CampaignDraft(1000, 1000, perImpression, perClick, title,
                "Text of " + title, today, today + 10, null));
    }

    private String aClient() {
        String id = UUID.randomUUID().toString();
        clients.upsert(List.of(new ClientUpsert(id, "login-" + id.substring(0, 8), 30, "Moscow", "MALE")));
        return id;
    }

    private static void impression(Campaign campaign, String client, int day, double cost) {
        TestDatabase.execute("INSERT INTO ad_impression (campaign_id, client_id, day, cost, ml_score) VALUES ('"
                + campaign.campaignId() + "', '" + client + "', " + day + ", " + cost + ", 0)");
    }

    private static void click(Campaign campaign, String client, int day, double cost) {
        TestDatabase.execute("INSERT INTO ad_click (campaign_id, client_id, day, cost) VALUES ('"
                + campaign.campaignId() + "', '" + client + "', " + day + ", " + cost + ")");
    }

    private static List<List<String>> csv(AdminBrowser browser, String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return response.body().lines().map(line -> Arrays.asList(line.split(",", -1))).toList();
    }
}
