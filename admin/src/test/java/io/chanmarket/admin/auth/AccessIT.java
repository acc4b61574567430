package io.chanmarket.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.TestDatabase;
import io.chanmarket.admin.identity.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AccessIT extends AdminTestSupport {

    @Test
    void theFirstAdminComesFromConfigurationAndCanSignIn() {
        AdminBrowser root = browser().signIn("root", "root-password-1");
        HttpResponse<String> users = root.get("/admin/users");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("root");
    }

    @Test
    void signingInSetsAHardenedSessionCookieAndOpensTheDashboard() {
        String username = anAccount(Role.MANAGER);
        HttpResponse<String> response = browser().postFormAnonymous("/admin/login",
                Map.of("username", username, "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("cm_admin_session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").contains("Path=/admin").doesNotContain("Secure");
    }

    @Test
    void theCookieIsSecureBehindAnHttpsProxy() throws Exception {
        String username = anAccount(Role.MANAGER);
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                .POST(java.net.http.HttpRequest.BodyPublishers
                        .ofString("username=" + username + "&password=" + PASSWORD))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        String username = anAccount(Role.MANAGER);
        HttpResponse<String> response = browser().postFormAnonymous("/admin/login",
                Map.of("username", username, "password", "wrong-password"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong username or password.");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        HttpResponse<String> response = browser().postFormAnonymous("/admin/login",
                Map.of("username", "nobody-here", "password", "whatever-1"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong username or password.");
    }

    private HttpResponse<String> signInFrom(String address, String username, String password) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/admin/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", "203.0.113.250, " + address)
                    .POST(java.net.http.HttpRequest.BodyPublishers
                            .ofString("username=" + username + "&password=" + password))
                    .build();
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void failuresSlowDownThatAddressButNeverLockTheOwnerOut() throws Exception {
        String username = anAccount(Role.MANAGER);
        String attacker = "198.51.100." + (1 + new java.util.Random().nextInt(200));
        for (int i = 0; i < 3; i++) {
            assertThat(signInFrom(attacker, username, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        // the fourth failure starts a delay: inside it even the right password gets 429 with Retry-After
        assertThat(signInFrom(attacker, username, "wrong-3").statusCode()).isEqualTo(401);
        HttpResponse<String> slowed = signInFrom(attacker, username, PASSWORD);
        assertThat(slowed.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 5L);
        assertThat(slowed.body()).contains("Слишком много неудачных попыток");
        // the owner, from another address, signs in at once (finding 6: five failures locked the account)
        assertThat(signInFrom("192.0.2.10", username, PASSWORD).statusCode()).isEqualTo(303);
        // and after the delay, the right password works from the slowed address too
        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(signInFrom(attacker, username, PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void manyFailuresFromOneAddressSlowThatAddressOnly() {
        String shared = "198.51.100.251";
        try {
            for (int i = 0; i < 11; i++) {
                signInFrom(shared, "guess-" + i, "wrong-password");
            }
            String username = anAccount(Role.MANAGER);
            HttpResponse<String> slowed = signInFrom(shared, username, PASSWORD);
            assertThat(slowed.statusCode()).isEqualTo(429);
            // the address comes from the proxy header: others behind the same proxy are not slowed
            assertThat(signInFrom("192.0.2.11", username, PASSWORD).statusCode()).isEqualTo(303);
        } finally {
            TestDatabase.execute("DELETE FROM login_attempt");
        }
    }

    @Test
    void pagesNeedASession() {
        HttpResponse<String> page = browser().get("/admin/users");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/admin/login");
        HttpResponse<String> htmx = browser().getHtmx("/admin/users");
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/admin/login");
        assertThat(browser().postFormAnonymous("/admin/users", Map.of("username", "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSession() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        assertThat(manager.get("/admin").statusCode()).isEqualTo(200);
        HttpResponse<String> out = manager.postForm("/admin/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(manager.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void aStolenCookieIsUselessAfterSignOut() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        AdminBrowser thief = browser();
        String session = manager.session();
        manager.postForm("/admin/logout", Map.of());
        HttpResponse<String> page = thief.withSession(session).get("/admin");
        assertThat(page.statusCode()).isEqualTo(303);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRejected() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        HttpResponse<String> noToken = admin.postFormAnonymous("/admin/users",
                Map.of("username", "csrf-victim", "role", "ADMIN", "password", "long-enough-1"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");
        HttpResponse<String> wrongToken = admin.postFormAnonymous("/admin/users",
                Map.of("_csrf", "forged", "username", "csrf-victim", "role", "ADMIN", "password", "long-enough-1"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(accounts.list()).noneMatch(a -> a.username().equals("csrf-victim"));
    }

    @Test
    void theCsrfTokenIsAcceptedFromTheHtmxHeader() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        HttpResponse<String> created = admin.postHtmx("/admin/users",
                Map.of("username", "via-htmx", "role", "MODERATOR", "password", "long-enough-1", "active", "on"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(accounts.list()).anyMatch(a -> a.username().equals("via-htmx"));
    }

    @Test
    void theUiSpeaksRussianByDefaultAndEnglishOnRequest() {
        AdminBrowser russian = browser().language("ru");
        assertThat(russian.get("/admin/login").body()).contains("Вход");
        AdminBrowser noPreference = browser().language("de");
        assertThat(noPreference.get("/admin/login").body()).contains("Вход");
        assertThat(browser().language("en-US,en;q=0.9").get("/admin/login").body()).contains("Sign in");
    }

    @Test
    void theLanguageSwitchIsRememberedInACookie() {
        HttpResponse<String> switched = browser().get("/admin/lang/en");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Set-Cookie").orElseThrow()).contains("cm_admin_lang=en");
    }
}
