package io.chanmarket.admin.analytics;

import static io.chanmarket.admin.analytics.AnalyticsFixtures.aCategory;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.aUserId;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.event;
import static io.chanmarket.admin.analytics.AnalyticsFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.admin.AdminTestSupport;
import io.chanmarket.admin.identity.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With {@code app.analytics.time-zone=UTC} the same instant falls on the UTC day (the rollups are rebuilt). */
@MicronautTest(transactional = false)
@Property(name = "app.analytics.time-zone", value = "UTC")
class AnalyticsTimeZoneIT extends AdminTestSupport {

    @Test
    void daysAreCutInTheConfiguredZone() {
        // 01:00 in Moscow today is 22:00 UTC the day before
        LocalDate moscowToday = LocalDate.now(ZoneId.of("Europe/Moscow"));
        Instant oneAmMoscow = moscowToday.atTime(1, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant();
        LocalDate utcDay = LocalDate.ofInstant(oneAmMoscow, ZoneOffset.UTC);
        assertThat(utcDay).isEqualTo(moscowToday.minusDays(1));
        long category = aCategory();
        event("CATEGORY_OPEN", oneAmMoscow, aUserId(), category, null, null);
        event("CATEGORY_OPEN", utcDay.atStartOfDay(ZoneOffset.UTC).toInstant(), aUserId(), category, null, null);

        var points = series(signedIn(Role.MANAGER), "/admin/analytics/openings.csv?preset=14d&category=" + category);
        assertThat(points.get(utcDay)).isEqualTo(List.of(2L));
        assertThat(points.values().stream().mapToLong(v -> v.get(0)).sum()).isEqualTo(2);
    }
}
