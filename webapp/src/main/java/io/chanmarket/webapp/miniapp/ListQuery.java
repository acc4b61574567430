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
 * The sorting, filters and search of a category's channel list as the form sends them (and as the category URL keeps
 * them). Empty fields mean "any". A range field that is not a number (or out of range) is left out of the filter and
 * kept in {@link #errors()} with the typed text, so the form shows a message next to that field and keeps the rest; an
 * unknown sort, direction, gender or page (which no form field can produce) is refused with
 * {@link MiniAppProblem.BadInput}.
 */
public record ListQuery(Map<String, String> values, int page, Map<String, String> errors, Map<String, String> typed) {

    /** Range fields: {@code min_<name>} / {@code max_<name>}. */
    public static final List<String> RANGES = List.of("subscribers", "reach", "err", "cpm", "price");
    private static final List<String> FIELD_NAMES = RANGES.stream()
            .flatMap(r -> java.util.stream.Stream.of("min_" + r, "max_" + r)).toList();
    private static final List<String> TEXT_FIELDS = List.of("sort", "dir", "gender", "geo", "lang", "q");

    public static ListQuery from(HttpParameters params) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
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
                    String reason = numberError(value);
                    if (reason == null) {
                        values.put(bound + range, number(value).toPlainString());
                    } else {
                        errors.put(bound + range, reason);
                        typed.put(bound + range, value.length() > 40 ? value.substring(0, 40) : value);
                    }
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
        return new ListQuery(Map.copyOf(values), page, Map.copyOf(errors), Map.copyOf(typed));
    }

    /** The field's value as the form shows it (a refused value as it was typed). */
    public String value(String name) {
        String shown = typed.get(name);
        return shown != null ? shown : values.getOrDefault(name, "");
    }

    /** The message key of a refused field, or null. */
    public String error(String name) {
        String reason = errors.get(name);
        return reason == null ? null : "filter.error." + reason;
    }

    /** The range fields' names, in form order. */
    public List<String> fieldNames() {
        return FIELD_NAMES;
    }

    /** Any filter beyond search and sorting (a refused field counts, so its message is in view). */
    public boolean hasFilters() {
        return !errors.isEmpty()
                || values.keySet().stream().anyMatch(k -> !k.equals("sort") && !k.equals("dir") && !k.equals("q"));
    }

    /** The category URL that restores this list (page 0). */
    public String categoryUrl(long categoryId) {
        String fields = fieldsQuery();
        return "/app/categories/" + categoryId + (fields.isEmpty() ? "" : "?" + fields);
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
        String fields = fieldsQuery();
        return (fields.isEmpty() ? "" : fields + "&") + "page=" + otherPage;
    }

    private String fieldsQuery() {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Range range(String name) {
        String min = values.get("min_" + name);
        String max = values.get("max_" + name);
        return new Range(min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max));
    }

    private static BigDecimal number(String raw) {
        return new BigDecimal(raw.trim().replace(',', '.').replace(" ", "").replace("\u00a0", ""));
    }

    /** Why a typed bound is refused ({@code number}, {@code range}), or null when it is fine. */
    private static String numberError(String raw) {
        try {
            BigDecimal value = number(raw);
            return value.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0 ? "range" : null;
        } catch (NumberFormatException e) {
            return "number";
        }
    }
}
