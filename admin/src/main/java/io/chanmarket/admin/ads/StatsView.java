package io.chanmarket.admin.ads;

import io.chanmarket.admin.analytics.Chart;
import io.chanmarket.admin.analytics.Rates;
import io.chanmarket.core.ads.stats.DailyStats;
import io.chanmarket.core.ads.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What an advertiser's or a campaign's statistics page shows: totals, one row per emulated day (days without events
 * between the first and the last one are filled with zeros, unless the span is longer than {@value #MAX_FILLED} days)
 * and the four bar charts.
 */
public record StatsView(Stats total, List<DailyStats> days, Chart impressions, Chart clicks, Chart conversion,
        Chart spend) {

    static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0);
    static final int MAX_FILLED = 1000;

    static StatsView of(Stats total, List<DailyStats> daily) {
        List<DailyStats> days = filled(daily);
        List<String> labels = days.stream().map(d -> String.valueOf(d.date())).toList();
        return new StatsView(total, days, Chart.of(labels, longs(days, DailyStats::impressionsCount)),
                Chart.of(labels, longs(days, DailyStats::clicksCount)),
                Chart.ofDecimals(labels, Rates::percentValue, doubles(days, DailyStats::conversion)),
                Chart.ofDecimals(labels, Rates::amount, doubles(days, DailyStats::spentTotal)));
    }

    /** The CSV export: a header, one row per day, and a closing {@code total} row. */
    List<List<Object>> csv() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("day", "impressions", "clicks", "conversion_pct", "spent_impressions", "spent_clicks",
                "spent_total"));
        for (DailyStats d : days) {
            rows.add(List.of(d.date(), d.impressionsCount(), d.clicksCount(), Rates.percentValue(d.conversion()),
                    Rates.amount(d.spentImpressions()), Rates.amount(d.spentClicks()), Rates.amount(d.spentTotal())));
        }
        rows.add(List.of("total", total.impressionsCount(), total.clicksCount(), Rates.percentValue(total.conversion()),
                Rates.amount(total.spentImpressions()), Rates.amount(total.spentClicks()),
                Rates.amount(total.spentTotal())));
        return rows;
    }

    public boolean empty() {
        return days.isEmpty();
    }

    private static List<DailyStats> filled(List<DailyStats> daily) {
        if (daily.isEmpty() || daily.get(daily.size() - 1).date() - daily.get(0).date() >= MAX_FILLED) {
            return daily;
        }
        List<DailyStats> days = new ArrayList<>();
        int next = daily.get(0).date();
        for (DailyStats d : daily) {
            for (; next < d.date(); next++) {
                days.add(new DailyStats(0, 0, 0, 0, 0, 0, next));
            }
            days.add(d);
            next = d.date() + 1;
        }
        return days;
    }

    private static long[] longs(List<DailyStats> days, java.util.function.ToLongFunction<DailyStats> f) {
        return days.stream().mapToLong(f).toArray();
    }

    private static double[] doubles(List<DailyStats> days, ToDoubleFunction<DailyStats> f) {
        return days.stream().mapToDouble(f).toArray();
    }
}
