package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.auth.AdminAccounts;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.core.ads.apikeys.AdvertiserApiKeys;
import io.chanmarket.webapp.Application;
import io.chanmarket.webapp.ads.access.AdApiAuth;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may call what on the ad API (issue 14, finding 1): in mode {@code keys} every path needs the advertiser's key,
 * the operator key or an admin session; in mode {@code open} only the contract's paths are open; chat codes, moderation
 * and report lists are never anonymous; keys are created and revoked in the admin panel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdApiAuthIT {

    private static final String OPERATOR_KEY = "operator-key-for-the-keys-node-0123";

    private Application.Running keysNode;
    private Application.Running openNode;
    private AdApi anonymous;
    private AdApi operator;
    private AdApi openAnonymous;

    @BeforeAll
    void start() {
        keysNode = AdEngineFixture.startNode(Map.of("app.ads.auth", "keys", "app.ads.operator-key", OPERATOR_KEY));
        openNode = AdEngineFixture.startNode(Map.of("app.ads.auth", "open"));
        anonymous = AdEngineFixture.apiOf(keysNode);
        operator = anonymous.withKey(OPERATOR_KEY);
        openAnonymous = AdEngineFixture.apiOf(openNode);
    }

    @AfterAll
    void stop() {
        keysNode.close();
        openNode.close();
    }

    private String advertiser(AdApi api) {
        String id = UUID.randomUUID().toString();
        AdApi.Reply reply = api.post("/advertisers/bulk", List.of(Map.of("advertiser_id", id, "name", "Auth " + id)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return id;
    }

    private String keyOf(String advertiserId) {
        return keysNode.context().getBean(AdvertiserApiKeys.class).create(UUID.fromString(advertiserId), "test").key();
    }

    @Test
    void withAConfiguredDatabaseTheModeIsKeysUnlessSetOtherwise() {
        try (Application.Running defaulted = AdEngineFixture.startNode(Map.of("app.ads.auth", " "))) {
            assertThat(defaulted.context().getBean(AdApiAuth.class).mode()).isEqualTo(AdApiAuth.Mode.KEYS);
            assertThat(AdEngineFixture.apiOf(defaulted).get("/clients/" + UUID.randomUUID()).status()).isEqualTo(401);
        }
        assertThat(openNode.context().getBean(AdApiAuth.class).mode()).isEqualTo(AdApiAuth.Mode.OPEN);
    }

    @Test
    void inModeKeysNothingIsAnonymous() {
        String id = UUID.randomUUID().toString();
        assertThat(anonymous.post("/advertisers/bulk", List.of(Map.of("advertiser_id", id, "name", "X"))).status())
                .isEqualTo(401);
        AdApi.Reply refused = anonymous.get("/clients/" + id);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.field("message")).contains("X-Api-Key");
        assertThat(anonymous.get("/ads?client_id=" + id).status()).isEqualTo(401);
        assertThat(anonymous.post("/time/advance", Map.of("current_date", 1)).status()).isEqualTo(401);
        assertThat(anonymous.post("/ml-scores", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.get("/stats/campaigns/" + id).status()).isEqualTo(401);
        assertThat(anonymous.withKey("cmk_made-up").get("/clients/" + id).status()).isEqualTo(401);
        assertThat(anonymous.withKey("wrong-operator-key-0123456789").get("/clients/" + id).status()).isEqualTo(401);
        // the operator key opens the operator's paths
        assertThat(operator.get("/clients/" + id).status()).isEqualTo(404);
        assertThat(operator.get("/stats/campaigns/" + id).status()).isIn(200, 404);
    }

    @Test
    void anAdvertisersKeyOpensOnlyThatAdvertisersPathsUntilRevoked() {
        String mine = advertiser(operator);
        String theirs = advertiser(operator);
        String key = keyOf(mine);
        AdApi advertiser = anonymous.withKey(key);
        assertThat(advertiser.get("/advertisers/" + mine).status()).isEqualTo(200);
        assertThat(advertiser.get("/advertisers/" + mine + "/campaigns").status()).isEqualTo(200);
        assertThat(advertiser.get("/stats/advertisers/" + mine + "/campaigns").status()).isEqualTo(200);
        assertThat(advertiser.post("/advertisers/" + mine + "/chat-codes", Map.of()).status()).isEqualTo(201);
        // not another advertiser's paths, nor the operator's
        assertThat(advertiser.get("/advertisers/" + theirs).status()).isEqualTo(403);
        assertThat(advertiser.post("/advertisers/" + theirs + "/chat-codes", Map.of()).status()).isEqualTo(403);
        assertThat(advertiser.get("/clients/" + UUID.randomUUID()).status()).isEqualTo(403);
        assertThat(advertiser.post("/time/advance", Map.of("current_date", 1)).status()).isEqualTo(403);
        assertThat(advertiser.get("/moderation/settings").status()).isEqualTo(403);
        // revoked: refused at once
        AdvertiserApiKeys keys = keysNode.context().getBean(AdvertiserApiKeys.class);
        UUID keyId = keys.list(UUID.fromString(mine)).get(0).keyId();
        assertThat(keys.revoke(UUID.fromString(mine), keyId)).isTrue();
        assertThat(advertiser.get("/advertisers/" + mine).status()).isEqualTo(401);
    }

    @Test
    void inModeOpenTheContractIsOpenButOurAdditionsAreNot() {
        String id = advertiser(openAnonymous);
        assertThat(openAnonymous.get("/advertisers/" + id).status()).isEqualTo(200);
        assertThat(openAnonymous.get("/clients/" + UUID.randomUUID()).status()).isEqualTo(404);
        // finding 1: a bot sign-in code for any advertiser, the moderation switch, blacklist and reports were open
        assertThat(openAnonymous.post("/advertisers/" + id + "/chat-codes", Map.of()).status()).isEqualTo(401);
        assertThat(openAnonymous.get("/moderation/settings").status()).isEqualTo(401);
        assertThat(openAnonymous.put("/moderation/settings", Map.of("enabled", false)).status()).isEqualTo(401);
        assertThat(openAnonymous.get("/moderation/blacklist").status()).isEqualTo(401);
        assertThat(openAnonymous.post("/moderation/blacklist", Map.of("phrase", "x")).status()).isEqualTo(401);
        assertThat(openAnonymous.get("/reports").status()).isEqualTo(401);
        assertThat(openAnonymous.get("/reports/" + UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(openAnonymous.post("/advertisers/" + id + "/ad-texts", Map.of("campaign_title", "x")).status())
                .isEqualTo(401);
        // with the operator key they work
        AdApi openOperator = openAnonymous.asOperator();
        assertThat(openOperator.get("/moderation/settings").status()).isEqualTo(200);
        assertThat(openOperator.get("/reports").status()).isEqualTo(200);
        assertThat(openOperator.post("/advertisers/" + id + "/chat-codes", Map.of()).status()).isEqualTo(201);
    }

    @Test
    void theClockCannotBeThrownToTheEndOfTime() {
        AdApi.Reply far = operator.post("/time/advance", Map.of("current_date", Integer.MAX_VALUE));
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.field("message")).contains("at most 365 days");
        int today = AdEngineFixture.today();
        assertThat(operator.post("/time/advance", Map.of("current_date", today + 366)).status()).isEqualTo(400);
        assertThat(AdEngineFixture.today()).isEqualTo(today);
    }

    @Test
    void anAdminCreatesAKeyShownOnceAndRevokesIt() throws Exception {
        String id = advertiser(operator);
        String username = "keys-admin-" + UUID.randomUUID().toString().substring(0, 8);
        keysNode.context().getBean(AdminAccounts.class).create(username, Role.ADMIN, "keys-admin-password-1");
        HttpClient http = HttpClient.newHttpClient();
        URI base = anonymous.base();
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(base.resolve("/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers
                                .ofString("username=" + username + "&password=keys-admin-password-1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(303);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String page = http.send(
                HttpRequest.newBuilder(base.resolve("/admin/ads/advertisers/" + id)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        HttpResponse<String> created = http
                .send(HttpRequest.newBuilder(base.resolve("/admin/ads/advertisers/" + id + "/api-keys"))
                        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers
                                .ofString("label=ci&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        Matcher shown = Pattern.compile("id=\"api-key\">(cmk_[A-Za-z0-9_-]+)<").matcher(created.body());
        assertThat(shown.find()).as(created.body()).isTrue();
        String key = shown.group(1);
        assertThat(anonymous.withKey(key).get("/advertisers/" + id).status()).isEqualTo(200);
        // the list shows only the key's start, never the key
        String listed = http.send(
                HttpRequest.newBuilder(base.resolve("/admin/ads/advertisers/" + id)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(listed).contains(key.substring(0, 10)).doesNotContain(key);
        // the admin session itself works on the ad API, even on operator paths
        assertThat(http.send(
                HttpRequest.newBuilder(base.resolve("/clients/" + UUID.randomUUID())).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        Matcher revoke = Pattern.compile("action=\"(/admin/ads/advertisers/[^\"]+/revoke)\"").matcher(listed);
        assertThat(revoke.find()).isTrue();
        HttpResponse<String> revoked = http.send(
                HttpRequest.newBuilder(base.resolve(revoke.group(1))).header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers
                                .ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(anonymous.withKey(key).get("/advertisers/" + id).status()).isEqualTo(401);
    }
}
