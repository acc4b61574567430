package io.chanmarket.admin.analytics;

import static io.chanmarket.admin.analytics.AnalyticsFixtures.aCategory;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.aChannel;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.aLink;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.aUserId;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.csv;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.event;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.events;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.series;
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
import org.junit.jupiter.api.Test;

/** Known events in, exact chart numbers and conversion rates out, with day and week boundaries in Moscow time. */
@MicronautTest(transactional = false)
class AnalyticsIT extends AdminTestSupport {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final LocalDate today = LocalDate.now(MOSCOW);
    private final Instant todayStart = today.atStartOfDay(MOSCOW).toInstant();

    @Test
    void categoryOpeningsPerDayCountEachEventOnItsMoscowDayWithinTheLast14Days() {
        long category = aCategory();
        events(2, "CATEGORY_OPEN", todayStart, aUserId(), category, null, null);
        event("CATEGORY_OPEN", todayStart.minusSeconds(1), aUserId(), category, null, null);
        event("CATEGORY_OPEN", today.minusDays(13).atStartOfDay(MOSCOW).toInstant(), aUserId(), category, null, null);
        event("CATEGORY_OPEN", today.minusDays(13).atStartOfDay(MOSCOW).toInstant().minusSeconds(1), aUserId(),
                category, null, null);
        // another category's openings stay out
        event("CATEGORY_OPEN", todayStart, aUserId(), aCategory(), null, null);

        AdminBrowser manager = signedIn(Role.MANAGER);
        Map<LocalDate, List<Long>> expected = zeros(14, false);
        expected.put(today, List.of(2L));
        expected.put(today.minusDays(1), List.of(1L));
        expected.put(today.minusDays(13), List.of(1L));
        assertThat(series(manager, "/admin/analytics/openings.csv?preset=14d&category=" + category))
                .containsExactlyEntriesOf(expected);

        HttpResponse<String> page = manager.get("/admin/analytics/openings?preset=14d&category=" + category);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg class=\"chart\"")
                .contains("<tr><td>" + today + "</td><td class=\"num\">2</td></tr>")
                .contains("<tr><td>" + today.minusDays(1) + "</td><td class=\"num\">1</td></tr>");
    }

    @Test
    void categoryOpeningsPerWeekStartOnMondayMidnightInMoscowWithinTheLast50Weeks() {
        long category = aCategory();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant mondayStart = monday.atStartOfDay(MOSCOW).toInstant();
        Instant firstWeek = monday.minusWeeks(49).atStartOfDay(MOSCOW).toInstant();
        event("CATEGORY_OPEN", mondayStart, aUserId(), category, null, null);
        events(2, "CATEGORY_OPEN", mondayStart.minusSeconds(1), aUserId(), category, null, null);
        event("CATEGORY_OPEN", firstWeek, aUserId(), category, null, null);
        event("CATEGORY_OPEN", firstWeek.minusSeconds(1), aUserId(), category, null, null);

        Map<LocalDate, List<Long>> expected = zeros(50, true);
        expected.put(monday, List.of(1L));
        expected.put(monday.minusWeeks(1), List.of(2L));
        expected.put(monday.minusWeeks(49), List.of(1L));
        assertThat(series(signedIn(Role.MANAGER), "/admin/analytics/openings.csv?preset=50w&category=" + category))
                .containsExactlyEntriesOf(expected);
    }

    @Test
    void channelOpeningsCountOnlyThatChannel() {
        long category = aCategory();
        long channel = aChannel(category, "Open me");
        long other = aChannel(category, "Other");
        events(3, "CHANNEL_OPEN", todayStart.plusSeconds(60), aUserId(), null, channel, null);
        event("CHANNEL_OPEN", todayStart.minus(Duration.ofDays(3)), aUserId(), category, channel, null);
        event("CHANNEL_OPEN", todayStart, aUserId(), null, other, null);
        event("PRICE_CLICK", todayStart, aUserId(), null, channel, null);

        Map<LocalDate, List<Long>> expected = zeros(14, false);
        expected.put(today, List.of(3L));
        expected.put(today.minusDays(3), List.of(1L));
        AdminBrowser manager = signedIn(Role.MANAGER);
        assertThat(series(manager, "/admin/analytics/openings.csv?preset=14d&channel=" + channel))
                .containsExactlyEntriesOf(expected);
        assertThat(manager.get("/admin/analytics/openings?channel=" + channel).body())
                .contains("Openings of channel “Open me”"); // named, not numbered
    }

    @Test
    void conversionsFromChannelOpenToPriceAndToContactPerChannelAndPerCategory() {
        long category = aCategory();
        long a = aChannel(category, "Alpha");
        long b = aChannel(category, "Beta");
        Instant at = todayStart.plusSeconds(30);
        // channel events without a category get the channel's category
        events(4, "CHANNEL_OPEN", at, aUserId(), null, a, null);
        events(1, "PRICE_CLICK", at, aUserId(), null, a, null);
        events(3, "CONTACT_MANAGER_CLICK", at, aUserId(), null, a, null);
        events(3, "CHANNEL_OPEN", at, aUserId(), category, b, null);
        events(2, "PRICE_CLICK", at, aUserId(), null, b, null);
        // 20 days ago: outside 14 days, inside 50 weeks
        event("CHANNEL_OPEN", todayStart.minus(Duration.ofDays(20)), aUserId(), null, a, null);

        AdminBrowser manager = signedIn(Role.MANAGER);
        Map<String, List<String>> byChannel = rowsById(csv(manager, "/admin/analytics/conversions.csv?preset=14d"));
        assertThat(byChannel.get(String.valueOf(a))).containsExactly(String.valueOf(a), "Alpha", "4", "1", "25.00", "3",
                "75.00");
        assertThat(byChannel.get(String.valueOf(b))).containsExactly(String.valueOf(b), "Beta", "3", "2", "66.67", "0",
                "0.00");
        Map<String, List<String>> byCategory = rowsById(
                csv(manager, "/admin/analytics/conversions.csv?preset=14d&by=category"));
        assertThat(byCategory.get(String.valueOf(category)).subList(2, 7)).containsExactly("7", "3", "42.86", "3",
                "42.86");
        Map<String, List<String>> weeks = rowsById(csv(manager, "/admin/analytics/conversions.csv?preset=50w"));
        assertThat(weeks.get(String.valueOf(a)).subList(2, 7)).containsExactly("5", "1", "20.00", "3", "60.00");

        HttpResponse<String> page = manager.get("/admin/analytics/conversions?preset=14d&by=channel");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<td class=\"rate\">25.00</td>").contains("<td class=\"rate\">75.00</td>");
    }

    @Test
    void trackedLinksCountArrivalsAndWhatTheArrivingUsersDidAfterwardsThatDay() {
        long category = aCategory();
        long channel = aChannel(category, "Linked");
        long link = aLink(channel, "bio");
        long u1 = aUserId();
        long u2 = aUserId();
        long u3 = aUserId();
        Instant t = todayStart.plusSeconds(10);
        event("DEEP_LINK_ARRIVAL", t, u1, null, channel, link);
        event("CHANNEL_OPEN", t, u1, category, channel, null);
        event("PRICE_CLICK", t, u1, null, channel, null);
        event("CHANNEL_OPEN", t, u2, category, channel, null); // before u2 arrived: not led to by the link
        event("DEEP_LINK_ARRIVAL", t, u2, null, channel, link);
        event("CONTACT_MANAGER_CLICK", t, u2, null, channel, null);
        event("DEEP_LINK_ARRIVAL", todayStart.minusSeconds(5), u3, null, channel, link);
        event("CHANNEL_OPEN", t, u3, category, channel, null); // next Moscow day: not led to by yesterday's arrival

        Map<String, List<String>> rows = rowsById(csv(signedIn(Role.MANAGER), "/admin/analytics/links.csv?preset=14d"));
        assertThat(rows.get(String.valueOf(link)).subList(2, 10)).containsExactly("bio", "Linked", "3", "0", "1", "1",
                "1", "0");
    }

    @Test
    void usersNewAndActivePerMoscowDay() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        Map<LocalDate, List<Long>> before = series(manager, "/admin/analytics/users.csv?preset=14d");
        long returning = aUserId();
        long sinceYesterday = aUserId();
        long fresh = aUserId();
        event("MINIAPP_OPEN", todayStart.minus(Duration.ofDays(20)), returning, null, null, null);
        events(3, "MINIAPP_OPEN", todayStart.plusSeconds(1), returning, null, null, null);
        event("MINIAPP_OPEN", todayStart.minusSeconds(1), sinceYesterday, null, null, null);
        events(2, "CATEGORY_OPEN", todayStart, sinceYesterday, aCategory(), null, null);
        event("MINIAPP_OPEN", todayStart.plusSeconds(2), fresh, null, null, null);

        Map<LocalDate, List<Long>> after = series(manager, "/admin/analytics/users.csv?preset=14d");
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        Map<LocalDate, List<Long>> delta = new LinkedHashMap<>();
        after.forEach((day, v) -> delta.put(day,
                List.of(v.get(0) - before.get(day).get(0), v.get(1) - before.get(day).get(1))));
        Map<LocalDate, List<Long>> expected = new LinkedHashMap<>();
        zeros(14, false).keySet().forEach(day -> expected.put(day, List.of(0L, 0L)));
        expected.put(today, List.of(1L, 3L));
        expected.put(today.minusDays(1), List.of(1L, 1L));
        assertThat(delta).containsExactlyEntriesOf(expected);

        HttpResponse<String> page = manager.get("/admin/analytics/users?preset=14d");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg class=\"chart\"").contains("New users");
    }

    @Test
    void aUserWhoseEarlierEventIsFoldedLaterMovesToTheEarlierDay() {
        AdminBrowser manager = signedIn(Role.MANAGER);
        long late = aUserId();
        event("MINIAPP_OPEN", todayStart.plusSeconds(3), late, null, null, null);
        Map<LocalDate, List<Long>> before = series(manager, "/admin/analytics/users.csv?preset=14d");
        // an event of three days ago arrives after today's was folded
        event("MINIAPP_OPEN", todayStart.minus(Duration.ofDays(3)), late, null, null, null);
        Map<LocalDate, List<Long>> after = series(manager, "/admin/analytics/users.csv?preset=14d");
        assertThat(after.get(today).get(0)).isEqualTo(before.get(today).get(0) - 1);
        assertThat(after.get(today.minusDays(3)).get(0)).isEqualTo(before.get(today.minusDays(3)).get(0) + 1);
        assertThat(after.get(today.minusDays(3)).get(1)).isEqualTo(before.get(today.minusDays(3)).get(1) + 1);
        // the kept new-user counts equal a count of the first days, on every day
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM (SELECT day, new_users FROM analytics_users_daily"
                + " WHERE new_users <> 0 EXCEPT SELECT first_day, count(*) FROM analytics_user_first GROUP BY first_day)"
                + " d")).isZero();
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM (SELECT first_day, count(*) FROM analytics_user_first"
                + " GROUP BY first_day EXCEPT SELECT day, new_users FROM analytics_users_daily) d")).isZero();
    }

    @Test
    void moderatorsCannotSeeAnalyticsAndBadParametersAre400() {
        AdminBrowser moderator = signedIn(Role.MODERATOR);
        for (String path : List.of("/admin/analytics/openings", "/admin/analytics/conversions",
                "/admin/analytics/links", "/admin/analytics/users", "/admin/analytics/users.csv")) {
            assertThat(moderator.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(signedIn(Role.ADMIN).get(path).statusCode()).as(path).isEqualTo(200);
        }
        AdminBrowser manager = signedIn(Role.MANAGER);
        HttpResponse<String> badPreset = manager.get("/admin/analytics/openings?preset=7y");
        assertThat(badPreset.statusCode()).isEqualTo(400);
        assertThat(badPreset.body()).contains("Unknown period.");
        assertThat(manager.get("/admin/analytics/conversions?by=link").statusCode()).isEqualTo(400);
        assertThat(manager.get("/admin/analytics/openings?channel=abc").statusCode()).isEqualTo(400);
        assertThat(manager.get("/admin/analytics/openings.csv?channel=-1").statusCode()).isEqualTo(400);
    }

    private Map<LocalDate, List<Long>> zeros(int count, boolean weeks) {
        Map<LocalDate, List<Long>> map = new LinkedHashMap<>();
        LocalDate last = weeks ? today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : today;
        for (int i = count - 1; i >= 0; i--) {
            map.put(weeks ? last.minusWeeks(i) : last.minusDays(i), List.of(0L));
        }
        return map;
    }

    private static Map<String, List<String>> rowsById(List<List<String>> rows) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(row -> map.put(row.get(0), row));
        return map;
    }
}
