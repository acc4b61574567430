package io.chanmarket.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.identity.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The name pickers' search, names in analytics titles, and who sees the dashboard's figures. */
@MicronautTest(transactional = false)
class PickersAndDashboardIT extends AdminTestSupport {

    @Test
    void pickersFindChannelsAndCategoriesByName() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        String slug = CatalogFixtures.unique("pick");
        long category = CatalogFixtures.aCategory(manager, slug);
        String title = "Пикер " + CatalogFixtures.unique("Омега");
        long channel = CatalogFixtures.aChannel(manager, title,
                Map.of("categoryId", String.valueOf(category), "username", slug));

        HttpResponse<String> byTitle = manager.getHtmx("/admin/pick/channels?buttonChannelId_q="
                + URLEncoder.encode(title.substring(0, 9), StandardCharsets.UTF_8));
        assertThat(byTitle.statusCode()).isEqualTo(200);
        assertThat(byTitle.body()).contains("data-id=\"" + channel + "\"").contains("data-label=\"" + title + "\"");
        assertThat(manager.getHtmx("/admin/pick/channels?q=" + slug).body()).contains("data-id=\"" + channel + "\"");
        assertThat(manager.getHtmx("/admin/pick/channels?q=" + "x".repeat(500)).statusCode()).isEqualTo(200);
        assertThat(manager.language("en").getHtmx("/admin/pick/channels?q=no-such-channel-anywhere").body())
                .contains("Nothing found");
        assertThat(manager.getHtmx("/admin/pick/categories?q=" + slug).body()).contains("data-id=\"" + category + "\"")
                .contains("Category " + slug);

        HttpResponse<String> chart = manager.get("/admin/analytics/openings?channel=" + channel);
        assertThat(chart.body()).contains("Openings of channel “" + title + "”").contains("value=\"" + title + "\"");
        assertThat(manager.get("/admin/analytics/openings?category=" + category).body())
                .contains("Openings of category “Category " + slug + "”");
    }

    @Test
    void managersSeeTheDashboardModeratorsOnlyTheirLinks() {
        HttpResponse<String> manager = signedIn(Role.MANAGER).language("en").get("/admin");
        assertThat(manager.body()).contains("id=\"dashboard\"").contains("Mini App users")
                .contains("href=\"/admin/analytics/openings\"").contains("Running mailings");
        HttpResponse<String> moderator = signedIn(Role.MODERATOR).language("en").get("/admin");
        assertThat(moderator.statusCode()).isEqualTo(200);
        assertThat(moderator.body()).doesNotContain("id=\"dashboard\"").contains("/admin/moderation");
    }
}
