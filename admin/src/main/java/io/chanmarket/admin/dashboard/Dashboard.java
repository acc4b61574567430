package io.chanmarket.admin.dashboard;

import io.chanmarket.core.analytics.AnalyticsSettings;
import io.chanmarket.core.mailing.Mailing;
import io.chanmarket.core.mailing.Mailings;
import io.chanmarket.core.mailing.Progress;
import io.chanmarket.parsers.Parsers;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the admin's start page, for today and the last 7 days (today included), days in the analytics time
 * zone. Read straight from the event log, link arrivals, mailings, parser status and ad engine tables (each an indexed
 * range count), so they are exact at the moment of the request.
 */
@Singleton
@Transactional(readOnly = true)
public class Dashboard {

    /** A figure for today and for the last 7 days. */
    public record Figure(long today, long week) {
    }

    /** Money for today and for the last 7 days. */
    public record Money(BigDecimal today, BigDecimal week) {
    }

    /** A running (or paused) mailing and how far it is. */
    public record RunningMailing(Mailing mailing, Progress progress) {
    }

    /** One counted figure as a card: its key (for the label and the element id), the page it links to. */
    public record Card(String key, String href, Figure figure) {
    }

    public record Figures(Instant todayStart, Instant weekStart, Figure miniAppUsers, Figure channelOpens,
            Figure priceClicks, Figure contactClicks, Figure favorites, Figure arrivals, Figure adImpressions,
            Money adRevenue, List<RunningMailing> mailings, Parsers.Health parsers) {

        public List<Card> cards() {
            return List.of(new Card("miniapp-users", "/admin/analytics/users", miniAppUsers),
                    new Card("channel-opens", "/admin/analytics/openings", channelOpens),
                    new Card("price-clicks", "/admin/analytics/conversions", priceClicks),
                    new Card("contact-clicks", "/admin/analytics/conversions", contactClicks),
                    new Card("favorites", "/admin/analytics/conversions", favorites),
                    new Card("arrivals", "/admin/analytics/links", arrivals),
                    new Card("ad-impressions", "/admin/ads", adImpressions));
        }
    }

    private final JdbcOperations jdbc;
    private final Mailings mailings;
    private final ZoneId zone;
    private final Parsers parsers;
    private final Clock clock;

    Dashboard(JdbcOperations jdbc, Mailings mailings, AnalyticsSettings analytics, Parsers parsers) {
        this.jdbc = jdbc;
        this.mailings = mailings;
        this.zone = analytics.timeZone();
        this.parsers = parsers;
        this.clock = Clock.system(zone);
    }

    public Figures figures() {
        LocalDate today = LocalDate.now(clock);
        Instant todayStart = today.atStartOfDay(zone).toInstant();
        Instant weekStart = today.minusDays(6).atStartOfDay(zone).toInstant();
        return new Figures(todayStart, weekStart,
                figure("SELECT count(DISTINCT user_id) FILTER (WHERE occurred_at >= ?),"
                        + " count(DISTINCT user_id) FROM event_log WHERE type = 'MINIAPP_OPEN' AND occurred_at >= ?",
                        todayStart, weekStart),
                events("CHANNEL_OPEN", todayStart, weekStart), events("PRICE_CLICK", todayStart, weekStart),
                events("CONTACT_MANAGER_CLICK", todayStart, weekStart), events("FAVORITE_ADD", todayStart, weekStart),
                figure("SELECT count(*) FILTER (WHERE arrived_at >= ?), count(*) FROM tracked_link_arrival"
                        + " WHERE arrived_at >= ?", todayStart, weekStart),
                figure("SELECT count(*) FILTER (WHERE created_at >= ?), count(*) FROM ad_impression"
                        + " WHERE created_at >= ?", todayStart, weekStart),
                revenue(todayStart, weekStart), running(), parsers.health());
    }

    private Figure events(String type, Instant todayStart, Instant weekStart) {
        return figure("SELECT count(*) FILTER (WHERE occurred_at >= ?), count(*) FROM event_log WHERE type = '" + type
                + "' AND occurred_at >= ?", todayStart, weekStart);
    }

    private Figure figure(String sql, Instant todayStart, Instant weekStart) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setTimestamp(1, Timestamp.from(todayStart));
            ps.setTimestamp(2, Timestamp.from(weekStart));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new Figure(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    private Money revenue(Instant todayStart, Instant weekStart) {
        return jdbc.prepareStatement("""
                SELECT coalesce(sum(cost) FILTER (WHERE created_at >= ?), 0), coalesce(sum(cost), 0)
                FROM (SELECT cost, created_at FROM ad_impression WHERE created_at >= ?
                      UNION ALL SELECT cost, created_at FROM ad_click WHERE created_at >= ?) spent
                """, ps -> {
            ps.setTimestamp(1, Timestamp.from(todayStart));
            ps.setTimestamp(2, Timestamp.from(weekStart));
            ps.setTimestamp(3, Timestamp.from(weekStart));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new Money(rs.getBigDecimal(1), rs.getBigDecimal(2));
            }
        });
    }

    private List<RunningMailing> running() {
        List<Long> ids = jdbc.prepareStatement("SELECT id FROM mailing WHERE state IN ('RUNNING', 'PAUSED')"
                + " AND NOT is_test ORDER BY id DESC LIMIT 10", ps -> {
                    List<Long> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                });
        List<RunningMailing> out = new ArrayList<>();
        for (long id : ids) {
            mailings.find(id).ifPresent(m -> out.add(new RunningMailing(m, mailings.progress(id))));
        }
        return out;
    }
}
