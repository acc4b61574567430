package io.chanmarket.admin.analytics;

import static io.chanmarket.admin.analytics.AnalyticsFixtures.aCategory;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.aChannel;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.aUserId;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.csv;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.event;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminBrowser;
import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.TestDatabase;
import io.chanmarket.admin.identity.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The precomputed conversion totals: advanced by each fold, recomputed when a preset's range moved, always equal to the
 * rollups; the conversions table is paged and sorted while the CSV stays complete.
 */
@MicronautTest(transactional = false)
class ConversionTotalsIT extends AdminTestSupport {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final LocalDate today = LocalDate.now(MOSCOW);
    private final Instant todayStart = today.atStartOfDay(MOSCOW).toInstant();

    @Test
    void totalsFollowNewlyFoldedEventsAndARecomputeWhenTheRangeMoved() {
        long category = aCategory();
        long channel = aChannel(category, "Growing");
        Instant at = todayStart.plusSeconds(60);
        events(2, "CHANNEL_OPEN", at, aUserId(), null, channel, null);
        AdminBrowser manager = signedIn(Role.MANAGER);
        assertThat(row(manager, "14d", "channel", channel)).containsExactly("2", "0", "0.00", "0", "0.00");
        assertThat(row(manager, "50w", "category", category)).containsExactly("2", "0", "0.00", "0", "0.00");

        // new events are folded before the next read and added to the precomputed totals
        events(3, "CHANNEL_OPEN", at, aUserId(), null, channel, null);
        event("PRICE_CLICK", at, aUserId(), null, channel, null);
        event("CONTACT_MANAGER_CLICK", todayStart.minus(Duration.ofDays(30)), aUserId(), null, channel, null);
        assertThat(row(manager, "14d", "channel", channel)).containsExactly("5", "1", "20.00", "0", "0.00");
        assertThat(row(manager, "50w", "channel", channel)).containsExactly("5", "1", "20.00", "1", "20.00");
        assertThat(row(manager, "50w", "category", category)).containsExactly("5", "1", "20.00", "1", "20.00");
        assertThat(mismatches()).isZero();

        // a range that moved (as after midnight) is recomputed from the rollups
        TestDatabase.execute(
                "UPDATE analytics_conversion_state SET first_day = first_day - 1," + " last_day = last_day - 1");
        TestDatabase.execute("UPDATE analytics_conversion_total SET opens = opens + 1000");
        assertThat(row(manager, "14d", "channel", channel)).containsExactly("5", "1", "20.00", "0", "0.00");
        assertThat(row(manager, "50w", "category", category)).containsExactly("5", "1", "20.00", "1", "20.00");
        for (String preset : List.of("14d", "50w")) {
            for (String by : List.of("channel", "category")) {
                csv(manager, "/admin/analytics/conversions.csv?preset=" + preset + "&by=" + by);
            }
        }
        assertThat(mismatches()).isZero();
    }

    @Test
    void theTableIsPagedBy50AndSortedWhileTheCsvHasEveryRow() {
        long category = aCategory();
        for (int i = 0; i < 51; i++) {
            event("CHANNEL_OPEN", todayStart.plusSeconds(i), aUserId(), null, aChannel(category, "Paged " + i), null);
        }
        long best = aChannel(category, "Best rate");
        event("CHANNEL_OPEN", todayStart.plusSeconds(5), aUserId(), null, best, null);
        events(9, "PRICE_CLICK", todayStart.plusSeconds(5), aUserId(), null, best, null);

        AdminBrowser manager = signedIn(Role.MANAGER);
        List<List<String>> all = csv(manager, "/admin/analytics/conversions.csv?preset=14d&by=channel");
        int total = all.size() - 1;
        assertThat(total).isGreaterThanOrEqualTo(52);

        HttpResponse<String> first = manager.get("/admin/analytics/conversions?preset=14d&by=channel");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Found: " + total).contains("Page 1 of " + ((total + 49) / 50));
        List<String> ids = ids(first.body());
        assertThat(ids).hasSize(50);
        // the default order is the CSV's: most opens first, then by id
        assertThat(ids).containsExactlyElementsOf(all.subList(1, 51).stream().map(r -> r.get(0)).toList());

        HttpResponse<String> last = manager
                .get("/admin/analytics/conversions?preset=14d&by=channel&page=" + ((total + 49) / 50));
        assertThat(ids(last.body())).hasSize(total % 50 == 0 ? 50 : total % 50);

        HttpResponse<String> byRate = manager
                .get("/admin/analytics/conversions?preset=14d&by=channel&sort=price_rate&dir=desc");
        assertThat(ids(byRate.body()).get(0)).isEqualTo(String.valueOf(best));
        assertThat(byRate.body()).contains("<td class=\"rate\">900.00</td>");
        HttpResponse<String> byName = manager
                .get("/admin/analytics/conversions?preset=14d&by=channel&sort=name&dir=asc&page=1");
        assertThat(byName.statusCode()).isEqualTo(200);

        assertThat(manager.get("/admin/analytics/conversions?sort=title").statusCode()).isEqualTo(400);
        assertThat(manager.get("/admin/analytics/conversions?dir=up").statusCode()).isEqualTo(400);
    }

    /** Opens, price clicks, price rate, contact clicks, contact rate of one row of the conversions CSV. */
    private static List<String> row(AdminBrowser browser, String preset, String by, long id) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> row : csv(browser, "/admin/analytics/conversions.csv?preset=" + preset + "&by=" + by)) {
            rows.put(row.get(0), row);
        }
        return rows.get(String.valueOf(id)).subList(2, 7);
    }

    /**
     * Rows where the precomputed totals differ from the rollups over the same ranges (both ways), of every preset read.
     */
    private long mismatches() {
        long n = 0;
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (String target : List.of("CHANNEL", "CATEGORY")) {
            String key = target.equals("CHANNEL") ? "channel_id" : "category_id";
            n += mismatches("14d", target,
                    "SELECT " + key + ", " + sums() + " FROM analytics_daily WHERE day >= '" + today.minusDays(13)
                            + "' AND day <= '" + today + "' AND " + key + " <> 0 AND " + types() + " GROUP BY " + key);
            n += mismatches("50w", target,
                    "SELECT " + key + ", " + sums() + " FROM analytics_weekly WHERE week >= '" + monday.minusWeeks(49)
                            + "' AND week <= '" + today + "' AND " + key + " <> 0 AND " + types() + " GROUP BY " + key);
        }
        return n;
    }

    private static long mismatches(String preset, String target, String rollup) {
        if (TestDatabase.queryLong("SELECT count(*) FROM analytics_conversion_state WHERE preset = '" + preset
                + "' AND target = '" + target + "'") == 0) {
            return 0; // never read yet
        }
        String totals = "SELECT key_id, opens, price_clicks, contact_clicks FROM analytics_conversion_total"
                + " WHERE preset = '" + preset + "' AND target = '" + target + "'";
        return TestDatabase.queryLong("SELECT (SELECT count(*) FROM (" + totals + " EXCEPT " + rollup + ") a)"
                + " + (SELECT count(*) FROM (" + rollup + " EXCEPT " + totals + ") b)");
    }

    private static String sums() {
        return "COALESCE(sum(events) FILTER (WHERE type = 'CHANNEL_OPEN'), 0), COALESCE(sum(events) FILTER (WHERE type = 'PRICE_CLICK'), 0),"
                + " COALESCE(sum(events) FILTER (WHERE type = 'CONTACT_MANAGER_CLICK'), 0)";
    }

    private static String types() {
        return "type IN ('CHANNEL_OPEN', 'PRICE_CLICK', 'CONTACT_MANAGER_CLICK')";
    }

    private static List<String> ids(String html) {
        Matcher m = Pattern.compile("<tr data-id=\"(\\d+)\">").matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
