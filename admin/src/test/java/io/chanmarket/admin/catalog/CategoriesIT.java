package io.chanmarket.admin.catalog;

import static io.chanmarket.admin.catalog.CatalogFixtures.aCategory;
import static io.chanmarket.admin.catalog.CatalogFixtures.aChannel;
import static io.chanmarket.admin.catalog.CatalogFixtures.unique;
import static io.chanmarket.admin.catalog.CatalogFixtures.versionOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.identity.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CategoriesIT extends AdminTestSupport {

    @Test
    void aManagerCreatesACategoryAndFindsItBySearch() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        String slug = unique("crypto-");
        aCategory(manager, slug);
        HttpResponse<String> found = manager.get("/admin/categories?q=" + slug);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Category " + slug).contains("Found: 1");
        assertThat(manager.get("/admin/categories?q=no-such-category-xyz").body()).contains("Found: 0");
    }

    @Test
    void htmxSearchGetsOnlyTheTablePartial() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        String slug = unique("partial-");
        aCategory(manager, slug);
        HttpResponse<String> partial = manager.getHtmx("/admin/categories?q=" + slug);
        assertThat(partial.body()).startsWith("<div id=\"categories-table\">").doesNotContain("<html").contains(slug);
    }

    @Test
    void categoriesArePaged() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        String prefix = unique("paged-");
        for (int i = 0; i < 21; i++) {
            manager.postForm("/admin/categories",
                    Map.of("slug", prefix + "-" + i, "nameRu", "р" + i, "nameEn", "e" + i, "sortOrder", "5"));
        }
        HttpResponse<String> first = manager.get("/admin/categories?q=" + prefix);
        assertThat(first.body()).contains("Found: 21").contains("Page 1 of 2").contains("page=2");
        HttpResponse<String> second = manager.get("/admin/categories?q=" + prefix + "&page=2");
        assertThat(second.body()).contains("Page 2 of 2");
        assertThat(second.body().split("class=\"category-row\"", -1)).hasSize(2);
        assertThat(manager.get("/admin/categories?page=abc").statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsShownNextToTheFields() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        HttpResponse<String> invalid = manager.postForm("/admin/categories",
                Map.of("slug", "Not A Slug", "nameRu", "", "nameEn", "x", "sortOrder", "many"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"field-slug\"")
                .contains("Lower-case Latin letters, digits and \"-\" only.").contains("Required.")
                .contains("Enter a whole number.");
    }

    @Test
    void aNulCharacterInAFormIsA400WithAMessageNotADatabaseError() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        String slug = unique("nul-");
        HttpResponse<String> refused = manager.postForm("/admin/categories",
                Map.of("slug", slug, "nameRu", "имя\u0000", "nameEn", "x", "sortOrder", "5"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("NUL").doesNotContain("SQL").doesNotContain("PSQLException");
        assertThat(manager.get("/admin/categories?q=" + slug).body()).contains("Found: 0");
        HttpResponse<String> htmx = manager.postHtmx("/admin/categories",
                Map.of("slug", slug, "nameRu", "имя", "nameEn", "x\u0000", "sortOrder", "5"));
        assertThat(htmx.statusCode()).isEqualTo(400);
    }

    @Test
    void aTakenSlugIsRefused() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        String slug = unique("dup-");
        aCategory(manager, slug);
        HttpResponse<String> again = manager.postForm("/admin/categories",
                Map.of("slug", slug, "nameRu", "Другая", "nameEn", "Other", "sortOrder", "0"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("This code is taken.");
    }

    @Test
    void twoManagersCannotSilentlyOverwriteEachOther() {
        AdminBrowser alice = signedIn(Role.MANAGER);
        AdminBrowser bob = signedIn(Role.MANAGER);
        String slug = unique("lock-");
        long id = aCategory(alice, slug);
        String aliceVersion = versionOn(alice.get("/admin/categories/" + id).body());
        String bobVersion = versionOn(bob.get("/admin/categories/" + id).body());

        HttpResponse<String> first = alice.postForm("/admin/categories/" + id,
                Map.of("slug", slug, "nameRu", "Алиса", "nameEn", "Alice", "sortOrder", "1", "version", aliceVersion));
        assertThat(first.statusCode()).isEqualTo(303);
        HttpResponse<String> second = bob.postForm("/admin/categories/" + id,
                Map.of("slug", slug, "nameRu", "Боб", "nameEn", "Bob", "sortOrder", "1", "version", bobVersion));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Someone else has changed this record").contains("Alice");
        assertThat(alice.get("/admin/categories/" + id).body()).contains("Alice").doesNotContain("value=\"Bob\"");
    }

    @Test
    void aCategoryWithChannelsCannotBeDeletedButAnEmptyOneCan() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long used = aCategory(manager, unique("used-"));
        aChannel(manager, unique("In category "), Map.of("categoryId", String.valueOf(used)));
        String version = versionOn(manager.get("/admin/categories/" + used).body());
        HttpResponse<String> refused = manager.postForm("/admin/categories/" + used + "/delete",
                Map.of("version", version));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("The category has channels");

        long empty = aCategory(manager, unique("empty-"));
        HttpResponse<String> deleted = manager.postForm("/admin/categories/" + empty + "/delete",
                Map.of("version", versionOn(manager.get("/admin/categories/" + empty).body())));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(manager.get("/admin/categories/" + empty).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownCategoryIsA404PageAndABadIdIsA400() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        HttpResponse<String> missing = manager.get("/admin/categories/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("was not found");
        assertThat(manager.get("/admin/categories/abc").statusCode()).isBetween(400, 499);
    }
}
