package io.chanmarket.admin.ads;

import io.chanmarket.admin.analytics.Csv;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.admin.web.Paging;
import io.chanmarket.core.ads.advertisers.Advertiser;
import io.chanmarket.core.ads.advertisers.AdvertiserSummary;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.apikeys.AdvertiserApiKeys;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.stats.AdStats;
import io.chanmarket.core.ads.stats.Stats;
import io.chanmarket.core.platform.shared.PageOf;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ad engine statistics in the admin panel (admins and managers): advertisers → totals and per-day charts of one
 * advertiser and of each of its campaigns, with CSV exports. Figures come from the engine's {@link AdStats}.
 */
@Controller("/admin/ads")
@ExecuteOn(TaskExecutors.BLOCKING)
@Allowed(Role.MANAGER)
@Requires(property = "app.roles.admin", notEquals = "false")
public class AdStatsController {

    static final int ADVERTISERS_PAGE_SIZE = 20;
    static final int CAMPAIGNS_PAGE_SIZE = 50;

    private final Advertisers advertisers;
    private final Campaigns campaigns;
    private final AdStats stats;
    private final AdminPages pages;
    private final AdvertiserApiKeys keys;

    AdStatsController(Advertisers advertisers, Campaigns campaigns, AdStats stats, AdminPages pages,
            AdvertiserApiKeys keys) {
        this.keys = keys;
        this.advertisers = advertisers;
        this.campaigns = campaigns;
        this.stats = stats;
        this.pages = pages;
    }

    @Introspected
    public record AdvertisersPage(PageContext ctx, PageOf<AdvertiserSummary> advertisers, String q) {
    }

    /** A campaign in its advertiser's table, with its totals (zero when it had no event). */
    public record CampaignRow(Campaign campaign, Stats stats) {
    }

    @Introspected
    public record AdvertiserPage(PageContext ctx, Advertiser advertiser, StatsView stats, PageOf<CampaignRow> campaigns,
            List<AdvertiserApiKeys.ApiKey> keys) {
    }

    @Introspected
    public record CampaignPage(PageContext ctx, Advertiser advertiser, Campaign campaign, StatsView stats) {
    }

    @Get
    ModelAndView<Map<String, Object>> advertisers(HttpRequest<?> request, @Nullable @QueryValue String q,
            @Nullable @QueryValue String page) {
        String search = q == null ? "" : q.trim();
        PageOf<AdvertiserSummary> found = advertisers.search(search, Paging.page(page), ADVERTISERS_PAGE_SIZE);
        return page("admin/ads/advertisers", new AdvertisersPage(pages.context(request), found, search));
    }

    @Get("/advertisers/{id}")
    ModelAndView<Map<String, Object>> advertiser(HttpRequest<?> request, String id, @Nullable @QueryValue String page) {
        Advertiser advertiser = advertiser(id);
        String key = advertiser.advertiserId().toString();
        Map<UUID, Stats> totals = stats.perCampaign(key);
        int p = Paging.page(page);
        List<CampaignRow> rows = campaigns.list(key, p, CAMPAIGNS_PAGE_SIZE).stream()
                .map(c -> new CampaignRow(c, totals.getOrDefault(c.campaignId(), StatsView.NONE))).toList();
        PageOf<CampaignRow> list = new PageOf<>(rows, p, CAMPAIGNS_PAGE_SIZE, campaigns.count(key));
        StatsView view = StatsView.of(stats.advertiser(key), stats.advertiserDaily(key));
        return page("admin/ads/advertiser", new AdvertiserPage(pages.context(request), advertiser, view, list,
                keys.list(advertiser.advertiserId())));
    }

    @Get("/advertisers/{id}/daily.csv")
    HttpResponse<String> advertiserCsv(String id) {
        Advertiser advertiser = advertiser(id);
        String key = advertiser.advertiserId().toString();
        return Csv.download("ads-advertiser-" + key + "-daily.csv",
                StatsView.of(stats.advertiser(key), stats.advertiserDaily(key)).csv());
    }

    @Get("/campaigns/{id}")
    ModelAndView<Map<String, Object>> campaign(HttpRequest<?> request, String id) {
        Campaign campaign = campaign(id);
        String key = campaign.campaignId().toString();
        StatsView view = StatsView.of(stats.campaign(key), stats.campaignDaily(key));
        return page("admin/ads/campaign", new CampaignPage(pages.context(request),
                advertiser(campaign.advertiserId().toString()), campaign, view));
    }

    @Get("/campaigns/{id}/daily.csv")
    HttpResponse<String> campaignCsv(String id) {
        String key = campaign(id).campaignId().toString();
        return Csv.download("ads-campaign-" + key + "-daily.csv",
                StatsView.of(stats.campaign(key), stats.campaignDaily(key)).csv());
    }

    private Advertiser advertiser(String id) {
        return advertisers.find(uuid(id)).orElseThrow(AdminProblem::notFound);
    }

    private Campaign campaign(String id) {
        return campaigns.find(uuid(id)).orElseThrow(AdminProblem::notFound);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw AdminProblem.badRequest("ads.bad-id");
        }
    }

    private static ModelAndView<Map<String, Object>> page(String view, Record page) {
        return new ModelAndView<>(view, Map.of("page", page));
    }
}
