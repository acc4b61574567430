package io.chanmarket.admin.catalog;

import io.chanmarket.admin.AdminBrowser;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Catalog set-up through the panel itself, in business words. */
final class CatalogFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern CHANNEL_LOCATION = Pattern.compile("/admin/channels/(\\d+)$");

    private CatalogFixtures() {
    }

    static String unique(String prefix) {
        return prefix + (System.nanoTime() % 1_000_000) + SEQ.incrementAndGet();
    }

    /** Creates a category and returns its id. */
    static long aCategory(AdminBrowser manager, String slug) {
        HttpResponse<String> created = manager.postForm("/admin/categories",
                Map.of("slug", slug, "nameRu", "Категория " + slug, "nameEn", "Category " + slug, "sortOrder", "1"));
        if (created.statusCode() != 303) {
            throw new AssertionError("category not created: " + created.statusCode() + created.body());
        }
        HttpResponse<String> list = manager.get("/admin/categories?q=" + slug);
        Matcher m = Pattern.compile("/admin/categories/(\\d+)\">" + slug + "<").matcher(list.body());
        if (!m.find()) {
            throw new AssertionError("category " + slug + " not listed");
        }
        return Long.parseLong(m.group(1));
    }

    /** The form fields of a complete channel; override what a test cares about. */
    static Map<String, String> channelFields(String title, Map<String, String> overrides) {
        Map<String, String> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("username", "");
        fields.put("description", "About " + title);
        fields.put("categoryId", "");
        fields.put("tgLink", "");
        fields.put("tgstatUrl", "");
        fields.put("telemetrUrl", "");
        fields.put("language", "ru");
        fields.put("country", "Россия");
        fields.put("priceRub", "15000");
        fields.put("audienceAge", "25-34");
        fields.put("genderMalePct", "60");
        fields.put("genderFemalePct", "40");
        fields.put("geoSplit", "Россия: 80\nКазахстан: 12.5");
        fields.put("version", "0");
        fields.putAll(overrides);
        return fields;
    }

    /** Creates a channel and returns its id. */
    static long aChannel(AdminBrowser manager, String title, Map<String, String> overrides) {
        HttpResponse<String> created = manager.postForm("/admin/channels", channelFields(title, overrides));
        if (created.statusCode() != 303) {
            throw new AssertionError("channel not created: " + created.statusCode() + created.body());
        }
        Matcher m = CHANNEL_LOCATION.matcher(created.headers().firstValue("Location").orElse(""));
        if (!m.find()) {
            throw new AssertionError("no channel location");
        }
        return Long.parseLong(m.group(1));
    }

    static String versionOn(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no version on the page");
        }
        return m.group(1);
    }
}
