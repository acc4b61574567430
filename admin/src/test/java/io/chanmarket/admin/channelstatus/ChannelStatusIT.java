package io.chanmarket.admin.channelstatus;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.TestDatabase;
import io.chanmarket.admin.identity.Role;
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

    @Test
    void labelEvidenceShowsWhichMarkerHidesTheChannelAndWhen() {
        long id = aChannel("status_label_" + SEQ.incrementAndGet(), false);
        TestDatabase.execute("UPDATE channel SET red_label = TRUE WHERE id = " + id);
        TestDatabase.execute("INSERT INTO parser_label_marker (channel_id, source, element, marker_text, kind,"
                + " first_seen_at, last_seen_at) VALUES (" + id + ", 'TGSTAT_HTML', 'img[src=/public/images/red.png]',"
                + " 'Канал заподозрен в использовании методов нечестного продвижения', 'RED',"
                + " '2026-11-30T08:00:00Z', '2026-12-03T08:00:00Z'), (" + id
                + ", 'TGSTAT_HTML', 'img[src=/public/images/x.png]', 'Партнёр', 'UNKNOWN', '2026-12-03T08:00:00Z',"
                + " '2026-12-03T08:00:00Z')");

        String page = signedIn(Role.MODERATOR).get("/admin/channels/" + id + "/status").body();

        assertThat(page).contains("Hidden from the catalog because of a TGStat label")
                .contains("<span class=\"label-red\">red label (inflated statistics)</span>")
                .containsPattern("<tr class=\"marker-RED\">\\s*<td>red label \\(inflated statistics\\)</td>"
                        + "<td>Канал заподозрен в использовании методов нечестного продвижения</td>"
                        + "<td><code>img\\[src=/public/images/red.png\\]</code></td>\\s*<td>TGSTAT_HTML</td>"
                        + "<td>2026-11-30T08:00:00Z</td><td>2026-12-03T08:00:00Z</td>")
                .contains("unknown marker (recorded, hides nothing)").contains("<td>Партнёр</td>");

        long clean = aChannel("status_clean_" + SEQ.incrementAndGet(), false);
        assertThat(signedIn(Role.MODERATOR).get("/admin/channels/" + clean + "/status").body())
                .contains("No TGStat label: the channel is not hidden by one.")
                .contains("Every value read was written.");
    }

    @Test
    void aHeldValueIsShownAndWrittenOnlyWhenAManagerConfirmsIt() {
        long id = aChannel("status_held_" + SEQ.incrementAndGet(), false);
        TestDatabase.execute("UPDATE channel SET subscribers = 303929 WHERE id = " + id);
        long held = TestDatabase.queryLong("INSERT INTO parser_value_review (channel_id, source, field, kind, proposed,"
                + " current_value, reason, detected_at) VALUES (" + id + ", 'TGSTAT_HTML', 'subscribers', 'HELD',"
                + " 3039296, 303929, 'subscribers jump from 303929 to 3039296', now()) RETURNING id");
        TestDatabase.execute("INSERT INTO parser_value_review (channel_id, source, field, kind, raw_text, reason,"
                + " detected_at) VALUES (" + id + ", 'TGSTAT_HTML', 'citationIndex', 'REFUSED', '20,200',"
                + " 'ambiguous: ''20,200'' reads as 20200 or 20.2', now())");

        String moderatorView = signedIn(Role.MODERATOR).get("/admin/channels/" + id + "/status").body();
        assertThat(moderatorView).contains("held back: implausible jump").contains("<td>3039296</td>")
                .contains("<td>303929</td>").contains("refused: ambiguous text").contains("<td>20,200</td>")
                .contains("ambiguous: '20,200' reads as 20200 or 20.2").doesNotContain("Confirm and write");
        assertThat(signedIn(Role.MODERATOR)
                .postForm("/admin/channels/" + id + "/reviews/" + held + "/confirm", Map.of()).statusCode())
                        .isEqualTo(403);

        AdminBrowser manager = signedIn(Role.MANAGER);
        assertThat(manager.get("/admin/channels/" + id + "/status").body()).contains("Confirm and write");
        HttpResponse<String> confirmed = manager.postForm("/admin/channels/" + id + "/reviews/" + held + "/confirm",
                Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(TestDatabase.queryLong("SELECT subscribers FROM channel WHERE id = " + id)).isEqualTo(3_039_296L);
        assertThat(manager.get("/admin/channels/" + id + "/status").body()).contains("confirmed and written");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE entity = 'parser_value_review'"
                + " AND entity_id = '" + held + "' AND action = 'CONFIRM'")).isEqualTo(1);

        assertThat(manager.postForm("/admin/channels/" + id + "/reviews/" + held + "/reject", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(manager.postForm("/admin/channels/" + id + "/reviews/" + held + "/delete", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(manager.postForm("/admin/channels/" + (id + 100000) + "/reviews/" + held + "/reject", Map.of())
                .statusCode()).isEqualTo(404);
    }
}
