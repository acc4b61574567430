package io.chanmarket.core.ads.stats;

import io.chanmarket.core.platform.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Singleton
class StatsRepository {

    private static final String EVENTS = """
            SELECT day, 1 AS impressions, cost AS impression_cost, 0 AS clicks, 0 AS click_cost
              FROM ad_impression WHERE campaign_id = ANY (?)
            UNION ALL
            SELECT day, 0, 0, 1, cost FROM ad_click WHERE campaign_id = ANY (?)""";

    private final Jdbc jdbc;

    StatsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Stats total(List<UUID> campaignIds) {
        List<DailyStats> rows = query("SELECT 0, " + SUMS + " FROM (" + EVENTS + ") e", campaignIds);
        DailyStats row = rows.get(0);
        return new Stats(row.impressionsCount(), row.clicksCount(), row.conversion(), row.spentImpressions(),
                row.spentClicks(), row.spentTotal());
    }

    List<DailyStats> daily(List<UUID> campaignIds) {
        return query("SELECT day, " + SUMS + " FROM (" + EVENTS + ") e GROUP BY day ORDER BY day", campaignIds);
    }

    /** Totals per campaign of the given ones; campaigns without any event are absent. */
    Map<UUID, Stats> perCampaign(List<UUID> campaignIds) {
        String sql = "SELECT campaign_id, " + SUMS + " FROM (" + EVENTS.replace("SELECT day,", "SELECT campaign_id,")
                + ") e GROUP BY campaign_id";
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                var ids = c.createArrayOf("uuid", campaignIds.toArray());
                ps.setArray(1, ids);
                ps.setArray(2, ids);
                Map<UUID, Stats> totals = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        totals.put(rs.getObject(1, UUID.class),
                                Stats.of(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                    }
                }
                return totals;
            }
        });
    }

    private static final String SUMS = """
            count(*) FILTER (WHERE impressions = 1), count(*) FILTER (WHERE clicks = 1),
            coalesce(sum(impression_cost), 0), coalesce(sum(click_cost), 0)""";

    private List<DailyStats> query(String sql, List<UUID> campaignIds) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                var ids = c.createArrayOf("uuid", campaignIds.toArray());
                ps.setArray(1, ids);
                ps.setArray(2, ids);
                List<DailyStats> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(DailyStats.of(rs.getInt(1),
                                Stats.of(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5))));
                    }
                }
                return rows;
            }
        });
    }
}
