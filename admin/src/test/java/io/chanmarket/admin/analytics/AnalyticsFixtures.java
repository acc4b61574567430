package io.chanmarket.admin.analytics;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Known facts for the analytics tests: catalog rows and event_log rows at exact instants. */
final class AnalyticsFixtures {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private AnalyticsFixtures() {
    }

    static long aUserId() {
        return 7_000_000_000L + SEQ.incrementAndGet();
    }

    static long aCategory() {
        long n = SEQ.incrementAndGet();
        return TestDatabase.queryLong("INSERT INTO category (slug, name_ru, name_en) VALUES ('an" + n + "', 'Кат " + n
                + "', 'Cat " + n + "') RETURNING id");
    }

    static long aChannel(long categoryId, String title) {
        return TestDatabase.queryLong(
                "INSERT INTO channel (title, category_id) VALUES ('" + title + "', " + categoryId + ") RETURNING id");
    }

    static long aLink(long channelId, String label) {
        return TestDatabase.queryLong("INSERT INTO tracked_link (code, channel_id, label) VALUES ('t"
                + SEQ.incrementAndGet() + "', " + channelId + ", '" + label + "') RETURNING id");
    }

    /** Writes one event_log row; nulls are written as NULL. */
    static void event(String type, Instant at, Long user, Long category, Long channel, Long link) {
        TestDatabase.execute("INSERT INTO event_log (occurred_at, type, user_id, category_id, channel_id,"
                + " tracked_link_id) VALUES ('" + at + "', '" + type + "', " + user + ", " + category + ", " + channel
                + ", " + link + ")");
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
