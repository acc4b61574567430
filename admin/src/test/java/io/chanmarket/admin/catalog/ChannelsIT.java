package io.chanmarket.admin.catalog;

import static io.chanmarket.admin.catalog.CatalogFixtures.aCategory;
import static io.chanmarket.admin.catalog.CatalogFixtures.aChannel;
import static io.chanmarket.admin.catalog.CatalogFixtures.channelFields;
import static io.chanmarket.admin.catalog.CatalogFixtures.unique;
import static io.chanmarket.admin.catalog.CatalogFixtures.versionOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.TestDatabase;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.catalog.editing.EditableChannel;
import io.chanmarket.core.catalog.editing.GeoShare;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ChannelsIT extends AdminTestSupport {

    static final byte[] PNG = realPng(16, 16);

    static byte[] realPng(int width, int height) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(
                    new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                    out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Inject
    CatalogEditing catalog;

    @Override
    public Map<String, String> extraProperties() {
        try {
            return Map.of("app.admin.logos.dir", Files.createTempDirectory("logos").toString(),
                    "app.ads.images.local-path", Files.createTempDirectory("objects").toString(),
                    "app.admin.logos.max-bytes", "2048");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aManagerCreatesAChannelWithEveryManualField() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long category = aCategory(manager, unique("news-"));
        String username = unique("news_channel_");
        long id = aChannel(manager, "Daily News", Map.of("username", "@" + username, "categoryId",
                String.valueOf(category), "priceRub", "12 500,50", "hidden", "on"));

        EditableChannel channel = catalog.channel(id).orElseThrow();
        assertThat(channel.title()).isEqualTo("Daily News");
        assertThat(channel.username()).isEqualTo(username);
        assertThat(channel.categoryId()).isEqualTo(category);
        assertThat(channel.tgLink()).isEqualTo("https://t.me/" + username);
        assertThat(channel.tgstatUrl()).isEqualTo("https://tgstat.ru/channel/@" + username);
        assertThat(channel.telemetrUrl()).isEqualTo("https://telemetr.me/@" + username);
        assertThat(channel.priceRub()).isEqualByComparingTo("12500.50");
        assertThat(channel.audienceAge()).isEqualTo("25-34");
        assertThat(channel.genderMalePct()).isEqualByComparingTo("60");
        assertThat(channel.genderFemalePct()).isEqualByComparingTo("40");
        assertThat(channel.geoSplit()).containsExactly(new GeoShare("Россия", new BigDecimal("80")),
                new GeoShare("Казахстан", new BigDecimal("12.5")));
        assertThat(channel.hidden()).isTrue();

        HttpResponse<String> page = manager.get("/admin/channels/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"Daily News\"").contains("Казахстан: 12.5")
                .contains("value=\"12500.5\"");
    }

    @Test
    void badInputIsShownNextToEachField() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        HttpResponse<String> invalid = manager.postForm("/admin/channels",
                channelFields("",
                        Map.of("username", "x!", "priceRub", "cheap", "genderMalePct", "70", "genderFemalePct", "40",
                                "geoSplit", "Россия 80", "tgLink", "http://example.com", "tgstatUrl", "not a url",
                                "audienceAge", "old", "categoryId", "999999")));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Required.").contains("5 to 32 characters").contains("Enter a number.")
                .contains("cannot add up to more than 100%").contains("one country per line")
                .contains("Enter an address starting with https://.").contains("Format: \"25-34\" or \"18+\".")
                .contains("Choose an existing category.").contains("value=\"cheap\"");
    }

    @Test
    void aTakenUsernameIsRefused() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        String username = unique("taken_");
        aChannel(manager, "First", Map.of("username", username));
        HttpResponse<String> again = manager.postForm("/admin/channels",
                channelFields("Second", Map.of("username", username)));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("A channel with this username exists.");
    }

    @Test
    void theListSearchesFiltersSortsAndPages() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long category = aCategory(manager, unique("tech-"));
        String tag = unique("zz");
        String cat = String.valueOf(category);
        aChannel(manager, tag + " Alpha", Map.of("categoryId", cat, "priceRub", "300"));
        aChannel(manager, tag + " Beta", Map.of("categoryId", cat, "priceRub", "100", "hidden", "on"));
        aChannel(manager, tag + " Gamma", Map.of("priceRub", "200"));

        String byCategory = manager.get("/admin/channels?category=" + cat).body();
        assertThat(byCategory).contains("Found: 2").contains(tag + " Alpha").doesNotContain(tag + " Gamma");
        String visible = manager.get("/admin/channels?category=" + cat + "&hidden=no").body();
        assertThat(visible).contains("Found: 1").contains(tag + " Alpha");
        String searched = manager.get("/admin/channels?q=" + tag + "&sort=price&dir=asc").body();
        assertThat(searched).contains("Found: 3");
        assertThat(searched.indexOf(tag + " Beta")).isLessThan(searched.indexOf(tag + " Gamma"));
        assertThat(searched.indexOf(tag + " Gamma")).isLessThan(searched.indexOf(tag + " Alpha"));
        String descending = manager.get("/admin/channels?q=" + tag + "&sort=title&dir=desc").body();
        assertThat(descending.indexOf(tag + " Gamma")).isLessThan(descending.indexOf(tag + " Alpha"));
        String description = manager.get("/admin/channels?q=About+" + tag + "+Beta").body();
        assertThat(description).contains("Found: 1");

        for (int i = 0; i < 20; i++) {
            aChannel(manager, tag + " Page " + i, Map.of());
        }
        String first = manager.get("/admin/channels?q=" + tag).body();
        assertThat(first).contains("Found: 23").contains("Page 1 of 2");
        String second = manager.get("/admin/channels?q=" + tag + "&page=2").body();
        assertThat(second.split("class=\"channel-row\"", -1)).hasSize(4);

        HttpResponse<String> partial = manager.getHtmx("/admin/channels?q=" + tag);
        assertThat(partial.body()).startsWith("<div id=\"channels-table\">").doesNotContain("<html");
        assertThat(manager.get("/admin/channels?sort=nonsense&dir=up&hidden=maybe&category=x").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aStaleEditIsRefusedWithTheCurrentData() {
        AdminBrowser alice = signedIn(Role.MANAGER);
        AdminBrowser bob = signedIn(Role.ADMIN);
        long id = aChannel(alice, "Shared channel", Map.of());
        String version = versionOn(bob.get("/admin/channels/" + id).body());
        assertThat(alice.postForm("/admin/channels/" + id, channelFields("Alice's title", Map.of("version", version)))
                .statusCode()).isEqualTo(303);
        HttpResponse<String> stale = bob.postForm("/admin/channels/" + id,
                channelFields("Bob's title", Map.of("version", version)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else has changed this record").contains("Alice&#39;s title");
        assertThat(catalog.channel(id).orElseThrow().title()).isEqualTo("Alice's title");
    }

    @Test
    void aLogoIsStoredAndServedWithCachingHeaders() throws Exception {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel(manager, "With logo", Map.of());
        String version = versionOn(manager.get("/admin/channels/" + id).body());
        HttpResponse<String> uploaded = manager.upload("/admin/channels/" + id + "/logo", Map.of("version", version),
                "logo", "logo.bin", PNG);
        assertThat(uploaded.statusCode()).isEqualTo(303);
        String url = catalog.channel(id).orElseThrow().logoUrl();
        assertThat(url).matches("/media/logos/[0-9a-f]{64}\\.png");

        HttpResponse<byte[]> served = manager.getBytes(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served.body())).getWidth())
                .isEqualTo(16);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
        assertThat(served.headers().firstValue("ETag")).isPresent();
        assertThat(browser().getBytes("/media/logos/../../etc/passwd").statusCode()).isEqualTo(404);
    }

    @Test
    void aLogoOfTheWrongTypeIsRefusedWhateverItsName() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel(manager, "Bad logo", Map.of());
        String version = versionOn(manager.get("/admin/channels/" + id).body());
        HttpResponse<String> refused = manager.upload("/admin/channels/" + id + "/logo", Map.of("version", version),
                "logo", "logo.png", "<svg onload=alert(1)></svg>".getBytes());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The logo must be a PNG, JPEG or WebP image.");
        assertThat(catalog.channel(id).orElseThrow().logoUrl()).isNull();
    }

    @Test
    void damagedPolyglotAndHugeLogosAreNotStoredAsUploaded() throws Exception {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel(manager, "Bomb logo", Map.of());
        String version = versionOn(manager.get("/admin/channels/" + id).body());
        byte[] truncated = Arrays.copyOf(PNG, PNG.length / 2);
        HttpResponse<String> refused = manager.upload("/admin/channels/" + id + "/logo", Map.of("version", version),
                "logo", "logo.png", truncated);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The logo cannot be read as an image");
        byte[] huge = Arrays.copyOf(PNG, 33);
        java.nio.ByteBuffer.wrap(huge, 16, 8).putInt(50_000).putInt(50_000);
        assertThat(manager.upload("/admin/channels/" + id + "/logo", Map.of("version", version), "logo", "h.png", huge)
                .statusCode()).isEqualTo(422);
        assertThat(catalog.channel(id).orElseThrow().logoUrl()).isNull();
        // a PNG with HTML appended is stored re-encoded: the HTML is gone
        byte[] polyglot = Arrays.copyOf(PNG, PNG.length + 40);
        System.arraycopy("<html><script>alert(1)</script></html>".getBytes(), 0, polyglot, PNG.length, 38);
        HttpResponse<String> stored = manager.upload("/admin/channels/" + id + "/logo", Map.of("version", version),
                "logo", "p.png", polyglot);
        assertThat(stored.statusCode()).isEqualTo(303);
        byte[] served = manager.getBytes(catalog.channel(id).orElseThrow().logoUrl()).body();
        assertThat(new String(served, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
    }

    @Test
    void aLogoOverTheSizeLimitIsRefused() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel(manager, "Big logo", Map.of());
        String version = versionOn(manager.get("/admin/channels/" + id).body());
        byte[] big = Arrays.copyOf(PNG, 4096);
        HttpResponse<String> refused = manager.upload("/admin/channels/" + id + "/logo", Map.of("version", version),
                "logo", "big.png", big);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The logo is larger than allowed (2 KB).");
    }

    @Test
    void reviewsAndAdExamplesAreAddedAndRemovedWithHtmx() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel(manager, "With extras", Map.of());
        HttpResponse<String> added = manager.postHtmx("/admin/channels/" + id + "/reviews",
                Map.of("author", "Ivan", "text", "Great audience", "rating", "5"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body().strip()).startsWith("<div id=\"extras\">").contains("Great audience");
        HttpResponse<String> invalid = manager.postHtmx("/admin/channels/" + id + "/reviews",
                Map.of("author", "", "text", "x", "rating", "9"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Required.").contains("A rating from 1 to 5.");

        HttpResponse<String> example = manager.postHtmx("/admin/channels/" + id + "/ad-examples",
                Map.of("title", "Spring sale", "postUrl", "https://t.me/c/1/2", "imageUrl", ""));
        assertThat(example.body()).contains("Spring sale").contains("https://t.me/c/1/2");
        assertThat(manager.postHtmx("/admin/channels/" + id + "/ad-examples",
                Map.of("title", "x", "postUrl", "javascript:alert(1)", "imageUrl", "")).statusCode()).isEqualTo(422);

        long reviewId = catalog.reviews(id).get(0).id();
        HttpResponse<String> removed = manager.postForm("/admin/channels/" + id + "/reviews/" + reviewId + "/delete",
                Map.of());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(catalog.reviews(id)).isEmpty();
        long exampleId = catalog.adExamples(id).get(0).id();
        manager.postHtmx("/admin/channels/" + id + "/ad-examples/" + exampleId + "/delete", Map.of());
        assertThat(catalog.adExamples(id)).isEmpty();
    }

    @Test
    void aModeratorSeesTheCatalogReadOnly() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel(manager, "Read only", Map.of());
        AdminBrowser moderator = signedIn(Role.MODERATOR);
        HttpResponse<String> page = moderator.get("/admin/channels/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("readonly").doesNotContain("type=\"submit\">Save");
        assertThat(moderator.postForm("/admin/channels/" + id, channelFields("Changed", Map.of())).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aChannelOtherDataRefersToIsNotDeletedButExplained() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long id = aChannel(manager, "Someone's favorite", Map.of());
        TestDatabase.execute("CREATE TABLE IF NOT EXISTS test_favorite (channel_id BIGINT REFERENCES channel (id))");
        TestDatabase.execute("INSERT INTO test_favorite VALUES (" + id + ")");
        String version = versionOn(manager.get("/admin/channels/" + id).body());
        HttpResponse<String> refused = manager.postForm("/admin/channels/" + id + "/delete",
                Map.of("version", version));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("hide it instead of deleting it");
        assertThat(catalog.channel(id)).isPresent();
    }

    @Test
    void deletingAChannelIsAuditedWithItsLastState() {
        AdminBrowser admin = signedIn(Role.ADMIN);
        long id = aChannel(admin, "Doomed channel", Map.of());
        String version = versionOn(admin.get("/admin/channels/" + id).body());
        assertThat(admin.postForm("/admin/channels/" + id + "/delete", Map.of("version", version)).statusCode())
                .isEqualTo(303);
        assertThat(catalog.channel(id)).isEmpty();
        String audit = admin.get("/admin/audit?entity=channel").body();
        assertThat(audit).contains("DELETE").contains("Doomed channel");
    }

}
