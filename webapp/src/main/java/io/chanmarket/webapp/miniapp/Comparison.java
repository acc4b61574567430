package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.ChannelDetails;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of a side-by-side comparison: every number of the card, CPM and price per 1,000 subscribers, and the
 * audience splits, with the best value of each numeric row marked (higher is better for audience numbers, lower for
 * prices).
 */
final class Comparison {

    /** At most this many channels side by side. */
    static final int MAX = 4;
    static final int MIN = 2;

    private Comparison() {
    }

    /**
     * The channel ids a request names: {@code ids} values, each one id or several separated by commas or underscores
     * (the deep-link form), duplicates dropped in order.
     */
    static List<Long> parseIds(List<String> raw) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : raw) {
            for (String part : value.split("[,_ ]")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    long id = Long.parseLong(part.trim());
                    if (id <= 0) {
                        throw new NumberFormatException();
                    }
                    ids.add(id);
                } catch (NumberFormatException e) {
                    throw new MiniAppProblem.BadInput("ids must be channel numbers");
                }
                if (ids.size() > 50) {
                    throw new MiniAppProblem.BadInput("too many ids");
                }
            }
        }
        return List.copyOf(ids);
    }

    static String url(List<Long> ids) {
        return "/app/compare"
                + (ids.isEmpty() ? "" : "?ids=" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    static String payload(List<Long> ids) {
        return "cmp_" + ids.stream().map(String::valueOf).collect(Collectors.joining("_"));
    }

    /** Price per 1,000 subscribers, or null without both numbers. */
    static BigDecimal per1000(ChannelDetails c) {
        if (c.priceRub() == null || c.subscribers() == null || c.subscribers() <= 0) {
            return null;
        }
        return c.priceRub().multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(c.subscribers()), new MathContext(6))
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static List<Views.CompareRow> rows(Texts t, List<ChannelDetails> channels) {
        List<Views.CompareRow> rows = new ArrayList<>();
        rows.add(numeric(t.get("field.subscribers"), channels, c -> big(c.subscribers()), true,
                v -> t.grouped(v == null ? null : v.longValue())));
        rows.add(numeric(t.get("field.reach"), channels, c -> big(c.reach()), true,
                v -> t.grouped(v == null ? null : v.longValue())));
        rows.add(numeric(t.get("field.err"), channels, ChannelDetails::errPct, true, t::pct));
        rows.add(numeric(t.get("field.price"), channels, ChannelDetails::priceRub, false, t::rub));
        rows.add(numeric(t.get("field.cpm"), channels, ChannelDetails::cpmRub, false, t::rub));
        rows.add(numeric(t.get("compare.per1000"), channels, Comparison::per1000, false, t::rub));
        rows.add(text(t.get("field.age"), channels,
                c -> c.audienceAge() == null ? t.get("number.none") : c.audienceAge()));
        rows.add(text(t.get("field.gender"), channels,
                c -> c.genderMalePct() == null ? t.get("number.none")
                        : t.get("gender.male") + " " + t.pct(c.genderMalePct()) + " · " + t.get("gender.female") + " "
                                + t.pct(c.genderFemalePct())));
        rows.add(text(t.get("field.geo"), channels,
                c -> c.geo().isEmpty() ? (c.country() == null ? t.get("number.none") : t.country(c.country()))
                        : c.geo().stream().limit(2).map(g -> t.country(g.name()) + " " + t.pct(g.pct()))
                                .collect(Collectors.joining(", "))));
        rows.add(text(t.get("filter.lang"), channels,
                c -> c.language() == null ? t.get("number.none") : t.get("lang." + c.language())));
        return rows;
    }

    private static BigDecimal big(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static Views.CompareRow numeric(String label, List<ChannelDetails> channels,
            Function<ChannelDetails, BigDecimal> value, boolean higherIsBetter, Function<BigDecimal, String> format) {
        List<String> texts = new ArrayList<>();
        int best = -1;
        BigDecimal bestValue = null;
        int known = 0;
        for (int i = 0; i < channels.size(); i++) {
            BigDecimal v = value.apply(channels.get(i));
            texts.add(format.apply(v));
            if (v == null) {
                continue;
            }
            known++;
            int cmp = bestValue == null ? 1 : v.compareTo(bestValue) * (higherIsBetter ? 1 : -1);
            if (cmp > 0) {
                best = i;
                bestValue = v;
            }
        }
        return new Views.CompareRow(label, texts, known >= 2 ? best : -1);
    }

    private static Views.CompareRow text(String label, List<ChannelDetails> channels,
            Function<ChannelDetails, String> value) {
        return new Views.CompareRow(label, channels.stream().map(value).toList(), -1);
    }
}
