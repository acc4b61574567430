package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.auth.AdminAccounts;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.testing.LlmStandIn;
import io.chanmarket.webapp.Application;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reports over real HTTP: filing and validation, the automatic LLM check against the local stand-in (off by default,
 * yes, no, failures), and a campaign stopped from the admin's moderation queue no longer served until resumed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {

    private LlmStandIn llm;
    /** LLM configured, the report check left at its default (off). */
    private Application.Running plain;
    /** LLM configured and {@code app.ads.reports.llm-check=true}. */
    private Application.Running checking;
    private AdApi api;
    private AdApi checkingApi;

    @BeforeAll
    void start() {
        llm = new LlmStandIn();
        Map<String, Object> llmProps = Map.of("app.ads.llm.base-url", llm.baseUrl(), "app.ads.llm.model",
                "stand-in-model", "app.ads.llm.timeout", "1s", "app.ads.llm.max-attempts", "2", "app.ads.llm.backoff",
                "10ms", "app.admin.bcrypt-cost", "4");
        plain = AdEngineFixture.startNode(llmProps);
        Map<String, Object> on = new HashMap<>(llmProps);
        on.put("app.ads.reports.llm-check", "true");
        checking = AdEngineFixture.startNode(on);
        api = AdEngineFixture.apiOf(plain).asOperator();
        checkingApi = AdEngineFixture.apiOf(checking).asOperator();
    }

    @AfterAll
    void stop() {
        plain.close();
        checking.close();
        llm.close();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void anyoneReportsACampaignAndBadInputIsRefusedNamingTheField() {
        AdEngineFixture given = new AdEngineFixture(api);
        String advertiser = given.advertiser();
        String campaign = given.campaign(advertiser, Map.of("ad_title", "Cheap flights"));
        String client = given.client(30, "MALE");

        AdApi.Reply created = api.post("/report", body("campaign_id", campaign, "reason", "  Misleading prices  ",
                "client_id", client, "reporter", "Ivan"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> report = created.json();
        assertThat(report).containsEntry("campaign_id", campaign).containsEntry("reason", "Misleading prices")
                .containsEntry("client_id", client).containsEntry("reporter", "Ivan").containsEntry("state", "SENT")
                .containsEntry("campaign_title", "Cheap flights").containsEntry("llm_status", "OFF")
                .containsEntry("llm_flag", null).containsKey("report_id").containsKey("created_at");
        String id = report.get("report_id").toString();
        assertThat(api.get("/reports/" + id).json()).containsEntry("reason", "Misleading prices");
        assertThat(api.post("/report", body("campaign_id", campaign, "reason", "x".repeat(1000))).status())
                .isEqualTo(201);

        assertRefused(api.post("/report", body("reason", "spam")), 400, "campaign_id");
        assertRefused(api.post("/report", body("campaign_id", "nope", "reason", "spam")), 400, "campaign_id");
        assertRefused(api.post("/report", body("campaign_id", campaign)), 400, "reason");
        assertRefused(api.post("/report", body("campaign_id", campaign, "reason", "   ")), 400, "reason");
        assertRefused(api.post("/report", body("campaign_id", campaign, "reason", "x".repeat(1001))), 400, "reason");
        assertRefused(api.post("/report", body("campaign_id", campaign, "reason", "spam", "client_id", "abc")), 400,
                "client_id");
        assertRefused(api.post("/report", body("campaign_id", campaign, "reason", "spam", "reporter", "r".repeat(201))),
                400, "reporter");
        assertRefused(api.post("/report", body("campaign_id", UUID.randomUUID().toString(), "reason", "spam")), 404,
                "campaign");
        assertRefused(
                api.post("/report",
                        body("campaign_id", campaign, "reason", "spam", "client_id", UUID.randomUUID().toString())),
                404, "client");
        assertThat(api.postRaw("/report", "[1, 2]").status()).isEqualTo(400);
        assertThat(api.postRaw("/report", "{}").status()).isEqualTo(400);

        assertThat(api.get("/reports?state=SENT&llm_flag=none&size=100").jsonList())
                .anyMatch(r -> r.get("report_id").equals(id));
        assertThat(api.get("/reports?state=SKIPPED&size=100").jsonList()).noneMatch(r -> r.get("report_id").equals(id));
        assertThat(api.get("/reports?llm_flag=true&size=100").jsonList()).noneMatch(r -> r.get("report_id").equals(id));
        assertRefused(api.get("/reports?state=WHATEVER"), 400, "state");
        assertRefused(api.get("/reports?llm_flag=maybe"), 400, "llm_flag");
        assertRefused(api.get("/reports?size=0"), 400, "size");
        assertRefused(api.get("/reports/not-a-uuid"), 400, "report_id");
        assertThat(api.get("/reports/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static void assertRefused(AdApi.Reply reply, int status, String naming) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.field("message")).contains(naming);
    }

    @Test
    void theLlmCheckIsOffByDefaultEvenWithAnLlmConfigured() {
        llm.behave(new LlmStandIn.Answer("yes", 0));
        AdEngineFixture given = new AdEngineFixture(api);
        String campaign = given.campaign(given.advertiser(), Map.of());
        AdApi.Reply created = api.post("/report", body("campaign_id", campaign, "reason", "Spam"));
        assertThat(created.json()).containsEntry("llm_status", "OFF").containsEntry("llm_flag", null);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> "OFF".equals(api.get("/reports/" + created.field("report_id")).field("llm_status")));
        assertThat(llm.requests()).isZero();
    }

    @Test
    void theModelsYesFlagsTheReportAfterItWasPending() {
        llm.behave(new LlmStandIn.Answer("Yes.", 400));
        AdEngineFixture given = new AdEngineFixture(checkingApi);
        String campaign = given.campaign(given.advertiser(),
                Map.of("ad_title", "Online casino", "ad_text", "Bet now, win x100"));
        AdApi.Reply created = checkingApi.post("/report", body("campaign_id", campaign, "reason", "Gambling ad"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("llm_status", "PENDING").containsEntry("llm_flag", null);
        String id = created.field("report_id");
        assertThat(checkingApi.get("/reports?llm_flag=pending&size=100").jsonList())
                .anyMatch(r -> r.get("report_id").equals(id));

        Map<String, Object> done = checked(id);
        assertThat(done).containsEntry("llm_status", "DONE").containsEntry("llm_flag", true)
                .containsEntry("llm_verdict", "Yes.");
        assertThat(llm.bodies()).singleElement().satisfies(b -> assertThat(b).contains("Online casino")
                .contains("Bet now, win x100").contains("Gambling ad").contains("stand-in-model"));
        assertThat(checkingApi.get("/reports?llm_flag=true&size=100").jsonList())
                .anyMatch(r -> r.get("report_id").equals(id));
    }

    @Test
    void theModelsNoClearsTheReport() {
        llm.behave(new LlmStandIn.Answer("No, it is an ordinary shop offer.", 0));
        AdEngineFixture given = new AdEngineFixture(checkingApi);
        String campaign = given.campaign(given.advertiser(), Map.of("ad_title", "Winter boots"));
        String id = checkingApi.post("/report", body("campaign_id", campaign, "reason", "I do not like boots"))
                .field("report_id");
        assertThat(checked(id)).containsEntry("llm_status", "DONE").containsEntry("llm_flag", false);
        assertThat(checkingApi.get("/reports?llm_flag=false&size=100").jsonList())
                .anyMatch(r -> r.get("report_id").equals(id));
    }

    @Test
    void failuresAndUnclearAnswersLeaveTheFlagEmptyWithTheReason() {
        AdEngineFixture given = new AdEngineFixture(checkingApi);
        String campaign = given.campaign(given.advertiser(), Map.of());

        llm.behave(new LlmStandIn.Status(500));
        String failed = checkingApi.post("/report", body("campaign_id", campaign, "reason", "Spam")).field("report_id");
        Map<String, Object> afterErrors = checked(failed);
        assertThat(afterErrors).containsEntry("llm_status", "FAILED").containsEntry("llm_flag", null);
        assertThat(afterErrors.get("llm_verdict").toString()).contains("HTTP 500");
        assertThat(llm.requests()).isEqualTo(2);

        llm.behave(new LlmStandIn.Answer("It depends on the audience.", 0));
        String unclear = checkingApi.post("/report", body("campaign_id", campaign, "reason", "Spam"))
                .field("report_id");
        Map<String, Object> afterUnclear = checked(unclear);
        assertThat(afterUnclear).containsEntry("llm_status", "FAILED").containsEntry("llm_flag", null);
        assertThat(afterUnclear.get("llm_verdict").toString()).contains("neither yes nor no");

        llm.behave(new LlmStandIn.Malformed("{\"choices\": []}"));
        String malformed = checkingApi.post("/report", body("campaign_id", campaign, "reason", "Spam"))
                .field("report_id");
        assertThat(checked(malformed).get("llm_verdict").toString()).contains("malformed");
        assertThat(checkingApi.get("/reports?llm_flag=none&size=100").jsonList()).extracting(r -> r.get("report_id"))
                .contains(failed, unclear, malformed);
    }

    @Test
    void aCampaignStoppedInTheModerationQueueIsNotServedUntilResumed() throws Exception {
        AdEngineFixture given = new AdEngineFixture(api);
        String advertiser = given.advertiser();
        String campaign = given.campaign(advertiser, Map.of("ad_title", "Only ad in town"));
        String first = given.client(25, "FEMALE");
        assertThat(given.ad(first).field("ad_id")).isEqualTo(campaign);
        String report = api.post("/report", body("campaign_id", campaign, "reason", "Offensive")).field("report_id");

        Moderator moderator = new Moderator(plain);
        HttpResponse<String> stop = moderator.post("/admin/moderation/" + report + "/stop");
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(303);

        assertThat(given.ad(first).status()).isEqualTo(404);
        assertThat(given.ad(given.client(40, "MALE")).status()).isEqualTo(404);
        assertThat(checkingApi.get("/ads?client_id=" + first).status()).as("on the other node too").isEqualTo(404);
        AdApi.Reply shown = api.get("/advertisers/" + advertiser + "/campaigns/" + campaign);
        assertThat(shown.json()).containsEntry("stopped", true);

        assertThat(moderator.post("/admin/moderation/" + report + "/resume").statusCode()).isEqualTo(303);
        assertThat(given.ad(given.client(33, "FEMALE")).field("ad_id")).isEqualTo(campaign);
        assertThat(checkingApi.get("/ads?client_id=" + first).field("ad_id")).isEqualTo(campaign);
        assertThat(api.get("/advertisers/" + advertiser + "/campaigns/" + campaign).json())
                .doesNotContainKey("stopped");
    }

    @Test
    void theOpenApiDocumentDescribesTheReportEndpoints() {
        AdApi.Reply spec = api.get("/swagger/chanmarket-0.1.yml");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/report:").contains("/reports:").contains("/reports/{reportId}:")
                .contains("llm_flag").contains("Report a campaign's ad");
    }

    /** The report once its check has finished (or the state after 10 s). */
    private Map<String, Object> checked(String reportId) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            AdApi.Reply reply = checkingApi.get("/reports/" + reportId);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return reply;
        }, reply -> !"PENDING".equals(reply.field("llm_status"))).json();
    }

    /** A moderator signed in to the admin panel of a node, posting forms with the session's CSRF token. */
    private static final class Moderator {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final URI base;
        private final String cookie;
        private final String csrf;

        Moderator(Application.Running app) throws Exception {
            base = AdEngineFixture.apiOf(app).base();
            String username = "mod-" + UUID.randomUUID().toString().substring(0, 8);
            app.context().getBean(AdminAccounts.class).create(username, Role.MODERATOR, "moderator-pass-1");
            HttpResponse<String> signIn = send("/admin/login", "username=" + username + "&password=moderator-pass-1",
                    null);
            assertThat(signIn.statusCode()).isEqualTo(303);
            cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpResponse<String> home = http.send(
                    HttpRequest.newBuilder(base.resolve("/admin/moderation")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(home.body());
            assertThat(m.find()).isTrue();
            csrf = m.group(1);
        }

        HttpResponse<String> post(String path) throws Exception {
            return send(path, "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), cookie);
        }

        private HttpResponse<String> send(String path, String form, String cookie) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
