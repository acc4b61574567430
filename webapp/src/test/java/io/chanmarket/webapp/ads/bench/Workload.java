package io.chanmarket.webapp.ads.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a replay plays: the data, the last day, the visits per client on each day, the day each campaign is created (0:
 * before the first visit), the days whose middle brings price changes or new ML scores, and the hidden click truth.
 */
public record Workload(String name, DataSet data, int lastDay, double[] visitsPerDay, int[] createdOn,
        int[] priceChangeDays, int[] scoreChangeDays, ClickTruth truth) {

    /** How the replay decides clicks from the ML score s (the client's best score is b). */
    public enum ClickTruth {
        /** p = 0.03 + 0.5·(s/b)²: relative to the client's favourite advertiser. */
        RELATIVE_SQUARED,
        /** p = 0.01 + 0.3·s/10,000: the raw score, the same scale for every client. */
        ABSOLUTE_LINEAR;

        double pClick(int score, int best) {
            return switch (this) {
            case RELATIVE_SQUARED -> {
                double s = best <= 0 ? 0 : (double) score / best;
                yield 0.03 + 0.5 * s * s;
            }
            case ABSOLUTE_LINEAR -> 0.01 + 0.3 * Math.min(1, score / 10_000.0);
            };
        }

        static ClickTruth parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** The replay as it always was: one visit rate, every campaign created at the start, prices changed on one day. */
    public static Workload classic(DataSet data, Replay.Options options) {
        int lastDay = data.campaigns().stream().mapToInt(c -> endDate(c)).max().orElse(0) + 1;
        return new Workload("classic", data, lastDay, new double[] { options.visits() }, null,
                new int[] { options.priceChangeDay() }, new int[0], ClickTruth.RELATIVE_SQUARED);
    }

    @SuppressWarnings("unchecked")
    static int endDate(java.util.Map<String, Object> entry) {
        return ((Number) ((java.util.Map<String, Object>) entry.get("campaign_data")).get("end_date")).intValue();
    }

    /**
     * The same workload without its price changes (ML score changes stay): what the clairvoyant optimum gains from
     * knowing future prices shows as the difference between the two.
     */
    Workload withoutPriceChanges() {
        return new Workload(name, data, lastDay, visitsPerDay, createdOn, new int[0], scoreChangeDays, truth);
    }

    int createdOnDay(int campaign) {
        return createdOn == null ? 0 : createdOn[campaign];
    }

    boolean priceChangesOn(int day) {
        return Arrays.stream(priceChangeDays).anyMatch(d -> d == day);
    }

    boolean scoreChangesOn(int day) {
        return Arrays.stream(scoreChangeDays).anyMatch(d -> d == day);
    }

    /** Visits in all: clients × the mean visits of each day. */
    double visits() {
        double sum = 0;
        for (int d = 0; d <= lastDay; d++) {
            sum += visitsPerDay[Math.min(d, visitsPerDay.length - 1)];
        }
        return sum * data.clients().size();
    }
}
