package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.ChannelFilter;
import io.chanmarket.core.catalog.channels.ChannelFilter.Range;
import io.chanmarket.core.catalog.channels.ChannelSort;
import io.micronaut.http.HttpParameters;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sorting, filters and search of a category's channel list as the form sends them. Empty fields mean "any"; values
 * that are not numbers (or an unknown sort) are refused with {@link MiniAppProblem.BadInput}.
 */
public record ListQuery(Map<String, String> values, int page) {

    /** Range fields: {@code min_<name>} / {@code max_<name>}. */
    public static final List<String> RANGES = List.of("subscribers", "reach", "err", "cpm", "price");
    private static final List<String> TEXT_FIELDS = List.of("sort", "dir", "gender", "geo", "lang", "q");

    public static ListQuery from(HttpParameters params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : TEXT_FIELDS) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.trim().length() > 200 ? value.trim().substring(0, 200) : value.trim());
            }
        }
        for (String range : RANGES) {
            for (String bound : List.of("min_", "max_")) {
                String value = params.get(bound + range);
                if (value != null && !value.isBlank()) {
                    values.put(bound + range, number(bound + range, value).toPlainString());
                }
            }
        }
        int page = 0;
        String rawPage = params.get("page");
        if (rawPage != null && !rawPage.isBlank()) {
            try {
                page = Integer.parseInt(rawPage.trim());
            } catch (NumberFormatException e) {
                throw new MiniAppProblem.BadInput("page must be a whole number");
            }
            if (page < 0 || page > 10_000) {
                throw new MiniAppProblem.BadInput("page must be between 0 and 10000");
            }
        }
        if (values.containsKey("sort") && ChannelSort.parse(values.get("sort")).isEmpty()) {
            throw new MiniAppProblem.BadInput("sort must be one of subscribers, reach, err, cpm, price");
        }
        String dir = values.get("dir");
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw new MiniAppProblem.BadInput("dir must be asc or desc");
        }
        String gender = values.get("gender");
        if (gender != null && !gender.equals("male") && !gender.equals("female")) {
            throw new MiniAppProblem.BadInput("gender must be male or female");
        }
        return new ListQuery(Map.copyOf(values), page);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean is(String name, String value) {
        return value.equals(values.get(name));
    }

    public ChannelSort sort() {
        return ChannelSort.parse(values.get("sort")).orElse(ChannelSort.SUBSCRIBERS);
    }

    public ChannelFilter toFilter(int pageSize) {
        String gender = values.get("gender");
        return new ChannelFilter(sort(), !"asc".equals(values.get("dir")), range("subscribers"), range("reach"),
                range("err"), range("cpm"), range("price"),
                gender == null ? null : ChannelFilter.Gender.valueOf(gender.toUpperCase(Locale.ROOT)),
                values.get("geo"), values.get("lang"), values.get("q"), page, pageSize);
    }

    /** The query string of the same list at another page. */
    public String queryString(int otherPage) {
        String fields = values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return (fields.isEmpty() ? "" : fields + "&") + "page=" + otherPage;
    }

    private Range range(String name) {
        String min = values.get("min_" + name);
        String max = values.get("max_" + name);
        return new Range(min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max));
    }

    private static BigDecimal number(String name, String raw) {
        try {
            BigDecimal value = new BigDecimal(raw.trim().replace(',', '.').replace(" ", "").replace("\u00a0", ""));
            if (value.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                throw new MiniAppProblem.BadInput(name + " is out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MiniAppProblem.BadInput(name + " must be a number");
        }
    }
}
