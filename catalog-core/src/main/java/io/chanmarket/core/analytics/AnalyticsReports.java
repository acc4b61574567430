package io.chanmarket.core.analytics;

import io.chanmarket.core.platform.shared.PageOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analytics read side: every report reads the daily rollups only (after {@link AnalyticsRollup#catchUp()}), never
 * the raw event log.
 */
@Singleton
@Transactional(readOnly = true)
public class AnalyticsReports {

    /** One step of a chart: the step's first day and its value(s). */
    public record Point(LocalDate bucket, long value) {
    }

    public record UsersPoint(LocalDate bucket, long newUsers, long activeUsers) {
    }

    /** Opens and clicks of one channel or category over a preset; rates are clicks ÷ opens. */
    public record Conversion(long id, String name, long opens, long priceClicks, long contactClicks) {

        public @Nullable Double priceRate() {
            return opens == 0 ? null : (double) priceClicks / opens;
        }

        public @Nullable Double contactRate() {
            return opens == 0 ? null : (double) contactClicks / opens;
        }
    }

    /** Arrivals through one tracked link and what those users did after arriving, on the same day. */
    public record LinkReport(long linkId, String code, @Nullable String label, @Nullable String channelTitle,
            long arrivals, long categoryOpens, long channelOpens, long priceClicks, long contactClicks,
            long favorites) {
    }

    public enum Target {
        CATEGORY, CHANNEL
    }

    /** Orders of the conversions table; ties go by id. */
    public enum ConversionSort {
        NAME("name"), OPENS("t.opens"), PRICE("t.price_clicks"),
        PRICE_RATE("t.price_clicks::float8 / NULLIF(t.opens, 0)"), CONTACT("t.contact_clicks"),
        CONTACT_RATE("t.contact_clicks::float8 / NULLIF(t.opens, 0)");

        private final String sql;

        ConversionSort(String sql) {
            this.sql = sql;
        }
    }

    private final JdbcOperations jdbc;
    private final AnalyticsRollup rollup;
    private final AnalyticsSettings settings;
    private final List<Preset> presets;
    private final Clock clock;
    private final ConversionTotals totals;

    AnalyticsReports(JdbcOperations jdbc, AnalyticsRollup rollup, AnalyticsSettings settings, ConversionTotals totals) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.totals = totals;
        this.settings = settings;
        this.presets = Arrays.stream(settings.presets().split(",")).map(Preset::parse).toList();
        this.clock = Clock.system(settings.timeZone());
    }

    /** The configured presets, in configuration order; the first is the default. */
    public List<Preset> presets() {
        return presets;
    }

    public Optional<Preset> preset(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return Optional.of(presets.get(0));
        }
        return presets.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public String timeZone() {
        return settings.timeZone().getId();
    }

    /** Openings of a category ({@code CATEGORY_OPEN}) or of a channel ({@code CHANNEL_OPEN}) per step. */
    public List<Point> openings(Preset preset, Target target, long id) {
        rollup.catchUp();
        LocalDate today = today();
        String type = target == Target.CATEGORY ? "CATEGORY_OPEN" : "CHANNEL_OPEN";
        String key = target == Target.CATEGORY ? "category_id" : "channel_id";
        String at = column(preset);
        String sql = "SELECT " + at + ", sum(events) FROM " + table(preset) + " WHERE type = '" + type + "' AND " + key
                + " = ? AND " + at + " >= ? AND " + at + " <= ? GROUP BY " + at;
        Map<LocalDate, long[]> sums = emptyBuckets(preset, today, 1);
        jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            range(ps, 2, preset, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sums.get(preset.bucketOf(rs.getObject(1, LocalDate.class)))[0] += rs.getLong(2);
                }
            }
            return null;
        });
        List<Point> points = new ArrayList<>();
        sums.forEach((bucket, v) -> points.add(new Point(bucket, v[0])));
        return points;
    }

    /**
     * Channel open → "Price" and → "Contact manager" per channel or per category over the preset, all rows, most opens
     * first (read from the precomputed totals).
     */
    public List<Conversion> conversions(Preset preset, Target by) {
        return conversions(preset, by, ConversionSort.OPENS, true, 1, Integer.MAX_VALUE).items();
    }

    /** One page of {@link #conversions(Preset, Target)} in the given order. */
    public PageOf<Conversion> conversions(Preset preset, Target by, ConversionSort sort, boolean descending, int page,
            int size) {
        rollup.catchUp();
        totals.ensureFresh(preset, by, today());
        String names = by == Target.CHANNEL ? "LEFT JOIN channel n ON n.id = t.key_id"
                : "LEFT JOIN category n ON n.id = t.key_id";
        String name = by == Target.CHANNEL ? "n.title" : "n.name_ru";
        String direction = descending ? " DESC NULLS LAST" : " ASC NULLS LAST";
        String sql = "SELECT t.key_id, COALESCE(" + name + ", '#' || t.key_id) AS name, t.opens, t.price_clicks,"
                + " t.contact_clicks, count(*) OVER () FROM analytics_conversion_total t " + names
                + " WHERE t.preset = ? AND t.target = ? ORDER BY " + sort.sql + direction
                + ", t.key_id LIMIT ? OFFSET ?";
        long offset = (long) (page - 1) * size;
        long[] total = { 0 };
        List<Conversion> rows = jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, preset.id());
            ps.setString(2, by.name());
            ps.setLong(3, size);
            ps.setLong(4, offset);
            List<Conversion> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Conversion(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)));
                    total[0] = rs.getLong(6);
                }
            }
            return list;
        });
        if (rows.isEmpty() && page > 1) {
            total[0] = jdbc.prepareStatement(
                    "SELECT count(*) FROM analytics_conversion_total WHERE preset = ?" + " AND target = ?", ps -> {
                        ps.setString(1, preset.id());
                        ps.setString(2, by.name());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    });
        }
        return new PageOf<>(rows, page, size, total[0]);
    }

    /**
     * Brings the precomputed conversion totals of every preset up to date (after a fold, or when the day changed), so
     * pages rarely have to.
     */
    public void refreshPrecomputed() {
        LocalDate today = today();
        for (Preset preset : presets) {
            for (Target target : Target.values()) {
                totals.ensureFresh(preset, target, today);
            }
        }
    }

    /** Every tracked link with arrivals in the preset, most arrivals first. */
    public List<LinkReport> links(Preset preset) {
        rollup.catchUp();
        LocalDate today = today();
        String sql = "WITH a AS (SELECT link_id, sum(events) AS arrivals FROM " + table(preset)
                + " WHERE type = 'DEEP_LINK_ARRIVAL' AND " + column(preset) + " >= ? AND " + column(preset)
                + " <= ? AND link_id <> 0 GROUP BY link_id)," + " o AS (SELECT link_id,"
                + " COALESCE(sum(events) FILTER (WHERE type = 'CATEGORY_OPEN'), 0) AS category_opens,"
                + " COALESCE(sum(events) FILTER (WHERE type = 'CHANNEL_OPEN'), 0) AS channel_opens,"
                + " COALESCE(sum(events) FILTER (WHERE type = 'PRICE_CLICK'), 0) AS price,"
                + " COALESCE(sum(events) FILTER (WHERE type = 'CONTACT_MANAGER_CLICK'), 0) AS contact,"
                + " COALESCE(sum(events) FILTER (WHERE type = 'FAVORITE_ADD'), 0) AS favorites"
                + " FROM analytics_link_daily WHERE day >= ? AND day <= ? GROUP BY link_id)"
                + " SELECT a.link_id, COALESCE(l.code, '#' || a.link_id), l.label, c.title, a.arrivals,"
                + " COALESCE(o.category_opens, 0), COALESCE(o.channel_opens, 0), COALESCE(o.price, 0),"
                + " COALESCE(o.contact, 0), COALESCE(o.favorites, 0) FROM a LEFT JOIN o ON o.link_id = a.link_id"
                + " LEFT JOIN tracked_link l ON l.id = a.link_id LEFT JOIN channel c ON c.id = l.channel_id"
                + " ORDER BY a.arrivals DESC, a.link_id";
        return jdbc.prepareStatement(sql, ps -> {
            range(ps, 1, preset, today);
            range(ps, 3, preset, today);
            List<LinkReport> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LinkReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
                }
            }
            return rows;
        });
    }

    /**
     * New users (first event ever) and active users (any event) per step; a week's active users are the sum of its
     * days' (user-days).
     */
    public List<UsersPoint> users(Preset preset) {
        rollup.catchUp();
        LocalDate today = today();
        Map<LocalDate, long[]> sums = emptyBuckets(preset, today, 2);
        jdbc.prepareStatement(
                "SELECT day, new_users, active_users FROM analytics_users_daily WHERE day >= ?" + " AND day <= ?",
                ps -> {
                    range(ps, 1, preset, today);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long[] sum = sums.get(preset.bucketOf(rs.getObject(1, LocalDate.class)));
                            sum[0] += rs.getLong(2);
                            sum[1] += rs.getLong(3);
                        }
                    }
                    return null;
                });
        List<UsersPoint> points = new ArrayList<>();
        sums.forEach((bucket, v) -> points.add(new UsersPoint(bucket, v[0], v[1])));
        return points;
    }

    /** Week presets read the weekly rollup (keyed by the Monday of each week), day presets the daily one. */
    private static String table(Preset preset) {
        return preset.step() == Preset.Step.WEEK ? "analytics_weekly" : "analytics_daily";
    }

    private static String column(Preset preset) {
        return preset.step() == Preset.Step.WEEK ? "week" : "day";
    }

    private static Map<LocalDate, long[]> emptyBuckets(Preset preset, LocalDate today, int width) {
        Map<LocalDate, long[]> sums = new LinkedHashMap<>();
        for (LocalDate bucket : preset.buckets(today)) {
            sums.put(bucket, new long[width]);
        }
        return sums;
    }

    private static void range(PreparedStatement ps, int index, Preset preset, LocalDate today) throws SQLException {
        ps.setDate(index, Date.valueOf(preset.from(today)));
        ps.setDate(index + 1, Date.valueOf(today));
    }
}
