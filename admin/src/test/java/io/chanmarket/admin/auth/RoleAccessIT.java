package io.chanmarket.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.identity.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every admin route against every role: who gets through, who gets 403. */
@MicronautTest(transactional = false)
class RoleAccessIT extends AdminTestSupport {

    record Route(String method, String path, Set<Role> allowed) {
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.MANAGER);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    /** Ids that do not exist: a route that lets the role through answers 404/422/303, never 403. */
    private static final List<Route> ROUTES = List.of(new Route("GET", "/admin", EVERYONE),
            new Route("GET", "/admin/categories", EVERYONE), new Route("GET", "/admin/categories/new", EDITORS),
            new Route("GET", "/admin/categories/999999", EVERYONE), new Route("POST", "/admin/categories", EDITORS),
            new Route("POST", "/admin/categories/999999", EDITORS),
            new Route("POST", "/admin/categories/999999/delete", EDITORS),
            new Route("GET", "/admin/channels", EVERYONE), new Route("GET", "/admin/channels/new", EDITORS),
            new Route("GET", "/admin/channels/999999", EVERYONE), new Route("POST", "/admin/channels", EDITORS),
            new Route("POST", "/admin/channels/999999", EDITORS),
            new Route("POST", "/admin/channels/999999/delete", EDITORS),
            new Route("POST", "/admin/channels/999999/reviews", EDITORS),
            new Route("POST", "/admin/channels/999999/reviews/1/delete", EDITORS),
            new Route("POST", "/admin/channels/999999/ad-examples", EDITORS),
            new Route("POST", "/admin/channels/999999/ad-examples/1/delete", EDITORS),
            new Route("GET", "/admin/users", ADMINS), new Route("GET", "/admin/users/new", ADMINS),
            new Route("GET", "/admin/users/999999", ADMINS), new Route("POST", "/admin/users", ADMINS),
            new Route("POST", "/admin/users/999999", ADMINS), new Route("GET", "/admin/audit", ADMINS),
            new Route("GET", "/admin/mailings", EDITORS), new Route("GET", "/admin/mailings/new", EDITORS),
            new Route("GET", "/admin/mailings/999999", EDITORS),
            new Route("GET", "/admin/mailings/999999/progress", EDITORS), new Route("POST", "/admin/mailings", EDITORS),
            new Route("POST", "/admin/mailings/999999", EDITORS),
            new Route("POST", "/admin/mailings/999999/test", EDITORS),
            new Route("POST", "/admin/mailings/999999/start", EDITORS),
            new Route("POST", "/admin/mailings/999999/pause", EDITORS),
            new Route("POST", "/admin/mailings/999999/resume", EDITORS),
            new Route("POST", "/admin/mailings/999999/cancel", EDITORS), new Route("GET", "/admin/segments", EDITORS),
            new Route("POST", "/admin/segments", EDITORS), new Route("POST", "/admin/segments/999999/delete", EDITORS),
            new Route("GET", "/admin/analytics/openings", EDITORS),
            new Route("GET", "/admin/analytics/users.csv", EDITORS),
            new Route("GET", "/admin/analytics/conversions?sort=price_rate&page=2", EDITORS),
            new Route("GET", "/admin/ads", EDITORS),
            new Route("GET", "/admin/ads/advertisers/00000000-0000-0000-0000-000000999999", EDITORS),
            new Route("GET", "/admin/ads/advertisers/00000000-0000-0000-0000-000000999999/daily.csv", EDITORS),
            new Route("GET", "/admin/ads/campaigns/00000000-0000-0000-0000-000000999999", EDITORS),
            new Route("GET", "/admin/ads/campaigns/00000000-0000-0000-0000-000000999999/daily.csv", EDITORS),
            new Route("GET", "/admin/channels/999999/status", EVERYONE),
            new Route("POST", "/admin/channels/999999/refresh", EDITORS),
            new Route("POST", "/admin/channels/999999/links", EDITORS));

    @Test
    void everyRouteLetsInExactlyItsRoles() {
        for (Role role : Role.values()) {
            AdminBrowser browser = signedIn(role);
            for (Route route : ROUTES) {
                HttpResponse<String> response = route.method().equals("GET") ? browser.get(route.path())
                        : browser.postForm(route.path(), Map.of("version", "0"));
                String what = role + " " + route.method() + " " + route.path();
                if (route.allowed().contains(role)) {
                    assertThat(response.statusCode()).as(what).isNotEqualTo(403).isLessThan(500);
                } else {
                    assertThat(response.statusCode()).as(what).isEqualTo(403);
                    assertThat(response.body()).as(what).contains("Your role has no access to this page.");
                }
            }
        }
    }

    @Test
    void theLogoUploadIsForEditorsOnly() {
        AdminBrowser moderator = signedIn(Role.MODERATOR);
        HttpResponse<String> response = moderator.upload("/admin/channels/999999/logo", Map.of("version", "0"), "logo",
                "a.png", new byte[] { 1, 2, 3 });
        assertThat(response.statusCode()).isEqualTo(403);
        AdminBrowser manager = signedIn(Role.MANAGER);
        assertThat(manager
                .upload("/admin/channels/999999/logo", Map.of("version", "0"), "logo", "a.png", new byte[] { 1, 2, 3 })
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aMultipartUploadWithoutTheCsrfTokenIsRejected() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        // A forged cross-site upload carries the session cookie but cannot know the token.
        HttpResponse<String> response = browser().withSession(manager.session()).upload("/admin/channels/999999/logo",
                Map.of("version", "0"), "logo", "a.png", new byte[] { 1 });
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF");
    }
}
