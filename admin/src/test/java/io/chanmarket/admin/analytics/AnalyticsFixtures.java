package io.chanmarket.admin.analytics;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.testing.TestCatalog;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Known facts for the analytics tests ({@link TestCatalog} rows, event_log rows at exact instants) and CSV reading. */
final class AnalyticsFixtures {

    private static final TestCatalog CATALOG = new TestCatalog();

    private AnalyticsFixtures() {
    }

    static long aUserId() {
        return TestCatalog.aUserId();
    }

    static long aCategory() {
        return CATALOG.aCategory();
    }

    static long aChannel(long categoryId, String title) {
        return CATALOG.aChannel().inCategory(categoryId).titled(title).create();
    }

    static long aLink(long channelId, String label) {
        return CATALOG.aLink(channelId, label);
    }

    /** Writes one event_log row; nulls are written as NULL. */
    static void event(String type, Instant at, Long user, Long category, Long channel, Long link) {
        CATALOG.event(type, at, user, category, channel, link);
    }

    static void events(int times, String type, Instant at, Long user, Long category, Long channel, Long link) {
        for (int i = 0; i < times; i++) {
            event(type, at, user, category, channel, link);
        }
    }

    /** A CSV download as rows of cells (none of our test values needs quoting). */
    static List<List<String>> csv(AdminBrowser browser, String path) {
        HttpResponse<String> response = browser.get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return response.body().lines().map(line -> Arrays.asList(line.split(",", -1))).toList();
    }

    /** A time-series CSV (step start, value...) as step start → values; the header row is left out. */
    static Map<LocalDate, List<Long>> series(AdminBrowser browser, String path) {
        Map<LocalDate, List<Long>> series = new LinkedHashMap<>();
        List<List<String>> rows = csv(browser, path);
        for (List<String> row : rows.subList(1, rows.size())) {
            series.put(LocalDate.parse(row.get(0)), row.subList(1, row.size()).stream().map(Long::valueOf).toList());
        }
        return series;
    }
}
