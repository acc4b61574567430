package io.chanmarket.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.auth.Account;
import io.chanmarket.admin.identity.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UsersIT extends AdminTestSupport {

    private Account account(String username) {
        return accounts.list().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
    }

    private static String version(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void anAdminCreatesAManagerWhoCanThenSignIn() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        HttpResponse<String> created = admin.postForm("/admin/users",
                Map.of("username", "New.Manager", "role", "MANAGER", "password", "long-enough-1", "active", "on"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/users").body()).contains("new.manager");
        AdminBrowser manager = browser().signIn("new.manager", "long-enough-1");
        assertThat(manager.get("/admin/channels").statusCode()).isEqualTo(200);
        assertThat(manager.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void badAccountInputIsShownNextToTheFields() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        HttpResponse<String> invalid = admin.postForm("/admin/users",
                Map.of("username", "a b", "role", "KING", "password", "short"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("3 to 64 characters").contains("at least 8 characters")
                .contains("Required.");
        String existing = anAccount(Role.MODERATOR);
        HttpResponse<String> taken = admin.postForm("/admin/users",
                Map.of("username", existing, "role", "MANAGER", "password", "long-enough-1"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("This username is taken.");
    }

    @Test
    void demotingOrDeactivatingAnAccountEndsItsSessions() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        String username = anAccount(Role.MANAGER);
        AdminBrowser manager = browser().signIn(username, PASSWORD);
        long id = account(username).id();
        String version = version(admin.get("/admin/users/" + id).body());
        HttpResponse<String> demoted = admin.postForm("/admin/users/" + id,
                Map.of("role", "MODERATOR", "active", "on", "password", "", "version", version));
        assertThat(demoted.statusCode()).isEqualTo(303);
        assertThat(account(username).role()).isEqualTo(Role.MODERATOR);
        assertThat(manager.get("/admin").statusCode()).isEqualTo(303);

        String next = version(admin.get("/admin/users/" + id).body());
        admin.postForm("/admin/users/" + id, Map.of("role", "MODERATOR", "password", "", "version", next));
        assertThat(account(username).active()).isFalse();
        assertThat(browser().postFormAnonymous("/admin/login", Map.of("username", username, "password", PASSWORD))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aStaleAccountEditIsRefused() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        String username = anAccount(Role.MANAGER);
        long id = account(username).id();
        String version = version(admin.get("/admin/users/" + id).body());
        admin.postForm("/admin/users/" + id, Map.of("role", "MODERATOR", "active", "on", "version", version));
        HttpResponse<String> stale = admin.postForm("/admin/users/" + id,
                Map.of("role", "ADMIN", "active", "on", "version", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else has changed this record");
        assertThat(account(username).role()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void theLastActiveAdminCannotBeDemoted() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        java.util.List<Account> others = accounts.list().stream().filter(
                other -> other.role() == Role.ADMIN && other.active() && !other.username().equals(admin.username()))
                .toList();
        try {
            others.forEach(other -> accounts.update(other.id(), other.version(), Role.ADMIN, false, null));
            Account self = account(admin.username());
            HttpResponse<String> refused = admin.postForm("/admin/users/" + self.id(),
                    Map.of("role", "MANAGER", "active", "on", "version", String.valueOf(self.version())));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("cannot be left without an active admin");
        } finally {
            others.forEach(other -> accounts.update(other.id(), other.version() + 1, Role.ADMIN, true, null));
        }
    }

    @Test
    void accountChangesAreInTheAuditLogWithBeforeAndAfter() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        String username = anAccount(Role.MANAGER);
        long id = account(username).id();
        String version = version(admin.get("/admin/users/" + id).body());
        admin.postForm("/admin/users/" + id, Map.of("role", "MODERATOR", "active", "on", "version", version));
        String log = admin.get("/admin/audit?entity=admin_user&actor=" + admin.username()).body();
        assertThat(log).contains("UPDATE").contains("\"role\": \"MANAGER\"").contains("\"role\": \"MODERATOR\"")
                .doesNotContain("passwordHash").doesNotContain("$2a$");
    }
}
