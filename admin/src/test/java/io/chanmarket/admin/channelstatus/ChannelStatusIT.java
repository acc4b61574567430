package io.chanmarket.admin.channelstatus;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.TestDatabase;
import io.chanmarket.admin.auth.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A channel's parser status with "refresh now", and its tracked links, over HTTP. */
@MicronautTest(transactional = false)
class ChannelStatusIT extends AdminTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private static long aChannel(String username, boolean demo) {
        return TestDatabase
                .queryLong("INSERT INTO channel (title, username, is_demo) VALUES ('Status " + SEQ.incrementAndGet()
                        + "', " + (username == null ? "NULL" : "'" + username + "'") + ", " + demo + ") RETURNING id");
    }

    @Test
    void statusShowsTheLatestFetchPerSourceWithItsKindFreshnessAndWarnings() {
        long id = aChannel("status_news_" + SEQ.incrementAndGet(), false);
        TestDatabase.execute("UPDATE channel SET metrics_updated_at = now() - interval '30 hours' WHERE id = " + id);
        TestDatabase.execute("INSERT INTO parser_fetch_status (channel_id, source, last_attempt_at, last_status,"
                + " last_reason, last_success_at, consecutive_failures) VALUES (" + id
                + ", 'TGSTAT_HTML', now(), 'RATE_LIMITED', 'HTTP 429 from tgstat.ru', now() - interval '30 hours', 2)");
        TestDatabase.execute("INSERT INTO parser_channel_warning (channel_id, code, detail, computed_at) VALUES (" + id
                + ", 'LOW_REACH', 'reach 1% of subscribers', now())");

        HttpResponse<String> page = signedIn(Role.MODERATOR).get("/admin/channels/" + id + "/status");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("TGSTAT_HTML").contains("RATE_LIMITED — rate limited or robot check")
                .contains("HTTP 429 from tgstat.ru").contains("<td>2</td>").contains("(30 h ago)")
                .contains("<strong>stale</strong>").contains("LOW_REACH").doesNotContain("Refresh now");
    }

    @Test
    void refreshNowQueuesARefreshForTheScheduleAndRefusesChannelsThatAreNeverFetched() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel("status_refresh_" + SEQ.incrementAndGet(), false);
        assertThat(manager.get("/admin/channels/" + id + "/status").body()).contains("Refresh now")
                .doesNotContain("id=\"refreshing\"");

        HttpResponse<String> queued = manager.postForm("/admin/channels/" + id + "/refresh", Map.of());
        assertThat(queued.statusCode()).isEqualTo(303);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM parser_refresh_request WHERE channel_id = " + id))
                .isEqualTo(1);
        assertThat(manager.get("/admin/channels/" + id + "/status").body()).contains("a refresh is queued");

        long demo = aChannel("status_demo_" + SEQ.incrementAndGet(), true);
        HttpResponse<String> refused = manager.postForm("/admin/channels/" + demo + "/refresh", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("This channel is not fetched");
        assertThat(manager.postForm("/admin/channels/999999/refresh", Map.of()).statusCode()).isEqualTo(404);
        assertThat(signedIn(Role.MODERATOR).postForm("/admin/channels/" + id + "/refresh", Map.of()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void trackedLinksAreCreatedWithALabelAndShowTheirTmeLinkAndArrivals() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel(null, false);
        HttpResponse<String> created = manager.postForm("/admin/channels/" + id + "/links",
                Map.of("label", "pinned post"));
        assertThat(created.statusCode()).isEqualTo(303);

        String page = manager.get("/admin/channels/" + id + "/status").body();
        Matcher m = Pattern.compile("<tr data-code=\"([^\"]+)\">\\s*<td>pinned post</td>").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        String code = m.group(1);
        assertThat(page).contains("https://t.me/chanmarket_bot?startapp=" + code).contains("default link");
        long linkId = TestDatabase.queryLong("SELECT id FROM tracked_link WHERE code = '" + code + "'");
        TestDatabase.execute(
                "INSERT INTO tracked_link_arrival (link_id, user_id) VALUES (" + linkId + ", 1), (" + linkId + ", 2)");
        assertThat(manager.get("/admin/channels/" + id + "/status").body())
                .containsPattern("data-code=\"" + code + "\">[\\s\\S]*?<td>2</td>");

        HttpResponse<String> empty = manager.postForm("/admin/channels/" + id + "/links", Map.of("label", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Give the link a label.");
        assertThat(manager.postForm("/admin/channels/" + id + "/links", Map.of("label", "x".repeat(101))).statusCode())
                .isEqualTo(422);
        assertThat(signedIn(Role.MODERATOR).postForm("/admin/channels/" + id + "/links", Map.of("label", "a"))
                .statusCode()).isEqualTo(403);
    }
}
