package io.chanmarket.admin.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Segments and mailings in the admin: compose, preview, test to yourself, start, pause, resume, cancel, report. */
@MicronautTest(transactional = false)
class MailingsIT extends AdminTestSupport {

    private static final AtomicLong USERS = new AtomicLong(90_000_000L);

    @Test
    void aManagerBuildsASegmentComposesAMailingTestsItAndRunsItThroughItsStates() throws Exception {
        AdminBrowser manager = signedIn(Role.MANAGER);
        String lang = "x" + UUID.randomUUID().toString().substring(0, 2).replaceAll("[0-9]", "q");
        lang = lang.replaceAll("[^a-z]", "z");
        users(lang, 2);

        HttpResponse<String> badSegment = manager.postForm("/admin/segments",
                Map.of("name", "", "languageCode", "not a language", "seenWithinDays", "many"));
        assertThat(badSegment.statusCode()).isEqualTo(422);
        assertThat(badSegment.body()).contains("Required.").contains("A language code like ru or en.")
                .contains("Enter a whole number.");
        HttpResponse<String> outOfRange = manager.postForm("/admin/segments",
                Map.of("name", "Range", "seenWithinDays", "0", "interestCategoryId", "999999999"));
        assertThat(outOfRange.statusCode()).isEqualTo(422);
        assertThat(outOfRange.body()).contains("The value is out of range.")
                .contains("The page or record was not found.");
        assertThat(manager.postForm("/admin/segments", Map.of("name", "Speakers " + lang, "languageCode", lang))
                .statusCode()).isEqualTo(303);
        HttpResponse<String> segmentsPage = manager.get("/admin/segments");
        assertThat(segmentsPage.body()).contains("Speakers " + lang);
        long segment = segmentId("Speakers " + lang);

        HttpResponse<String> badMailing = manager.postForm("/admin/mailings", Map.of("title", "Hot slot", "text",
                "<b>unclosed", "imageUrl", "ftp://x", "buttonChannelId", "99999999", "buttonText", "Open"));
        assertThat(badMailing.statusCode()).isEqualTo(422);
        assertThat(badMailing.body()).contains("Not valid Telegram HTML").contains("No such channel.")
                .contains("Enter an address starting with https://");

        Map<String, String> fields = new HashMap<>(
                Map.of("title", "Hot slot", "text", "<b>Hot slot</b> &amp; 20% off", "seg_" + segment, "on"));
        HttpResponse<String> created = manager.postForm("/admin/mailings", fields);
        assertThat(created.statusCode()).isEqualTo(303);
        String page = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

        HttpResponse<String> draft = manager.get(page);
        assertThat(draft.body()).contains("<b>Hot slot</b> &amp; 20% off").contains("Audience: 2 users");

        assertThat(manager.postForm(page + "/test", Map.of("telegramUserId", "abc")).statusCode()).isEqualTo(422);
        HttpResponse<String> test = manager.postForm(page + "/test", Map.of("telegramUserId", "777001"));
        assertThat(test.statusCode()).as("post/redirect/get").isEqualTo(303);
        assertThat(test.headers().firstValue("Location")).hasValue(page + "#tests");
        HttpResponse<String> withTest = manager.get(page);
        assertThat(withTest.body()).contains("value=\"777001\"").contains("class=\"test-send\"")
                .contains("data-status=\"PENDING\"").contains("queued");
        assertThat(manager.getHtmx(page + "/tests").body().strip()).startsWith("<div id=\"test-sends\"")
                .contains("every 2s");
        assertThat(count("SELECT count(*) FROM mailing m JOIN mailing_recipient r ON r.mailing_id = m.id"
                + " WHERE m.is_test AND r.user_id = 777001 AND m.text = '<b>Hot slot</b> &amp; 20% off'")).isEqualTo(1);

        assertThat(manager.postForm(page + "/start", Map.of("version", "0")).statusCode()).isEqualTo(303);
        HttpResponse<String> running = manager.get(page);
        assertThat(running.body()).contains("sending").contains("Final outcome for 0 of 2").contains("every 2s")
                .contains("Pause").doesNotContain("name=\"title\"");
        assertThat(manager.postForm(page + "/start", Map.of("version", "1")).statusCode()).isEqualTo(409);
        assertThat(manager.postForm(page, fields).statusCode()).isEqualTo(409);

        assertThat(manager.postForm(page + "/pause", Map.of()).statusCode()).isEqualTo(303);
        assertThat(manager.getHtmx(page + "/progress").body().strip()).startsWith("<div id=\"progress\"")
                .contains("paused").contains("Paused by an admin");
        assertThat(manager.postForm(page + "/resume", Map.of()).statusCode()).isEqualTo(303);
        assertThat(manager.postForm(page + "/cancel", Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> report = manager.get(page);
        assertThat(report.body()).contains("cancelled").contains("<td class=\"num\" id=\"cancelled\">2</td>")
                .contains("hx-trigger=\"none\"");
        assertThat(manager.postForm(page + "/resume", Map.of()).statusCode()).isEqualTo(409);
        assertThat(manager.get("/admin/mailings").body()).contains("Hot slot");
        assertThat(count("SELECT count(*) FROM audit_log WHERE entity = 'mailing' AND entity_id = '" + id + "'"))
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void badRequestsGetClearAnswersAndModeratorsHaveNoAccess() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        assertThat(manager.get("/admin/mailings/99999999").statusCode()).isEqualTo(404);
        assertThat(manager.get("/admin/mailings/abc").statusCode()).isBetween(400, 499);
        assertThat(manager.postForm("/admin/segments/99999999/delete", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> created = manager.postForm("/admin/mailings", Map.of("title", "No segments", "text", "x"));
        String page = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> start = manager.postForm(page + "/start", Map.of("version", "0"));
        assertThat(start.statusCode()).isEqualTo(422);
        assertThat(start.body()).contains("Choose at least one segment");

        AdminBrowser moderator = signedIn(Role.MODERATOR);
        assertThat(moderator.get("/admin/mailings").statusCode()).isEqualTo(403);
        assertThat(moderator.get("/admin/segments").statusCode()).isEqualTo(403);
        assertThat(moderator.get("/admin").body()).doesNotContain("/admin/mailings");
    }

    private static void users(String lang, int n) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c
                .prepareStatement("INSERT INTO telegram_user (id, first_name, language_code) VALUES (?, 'U', ?)")) {
            for (int i = 0; i < n; i++) {
                ps.setLong(1, USERS.incrementAndGet());
                ps.setString(2, lang);
                ps.executeUpdate();
            }
        }
    }

    private static long segmentId(String name) throws Exception {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM segment WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws Exception {
        var db = TestInfrastructure.database();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }
}
