package io.chanmarket.admin.catalog;

import io.chanmarket.core.catalog.editing.ChannelQuery;
import io.chanmarket.core.catalog.editing.ChannelQuery.ChannelSort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The channel list's query values as given (kept for the form and links), read leniently: unknown values mean "no
 * filter" or the default order.
 */
public record ChannelFilter(String q, String category, String hidden, String sort, String dir) {

    static ChannelFilter of(String q, String category, String hidden, String sort, String dir) {
        return new ChannelFilter(FormValues.trimmed(q), FormValues.trimmed(category), FormValues.trimmed(hidden),
                FormValues.trimmed(sort).isEmpty() ? "updated" : FormValues.trimmed(sort).toLowerCase(Locale.ROOT),
                "asc".equalsIgnoreCase(FormValues.trimmed(dir)) ? "asc" : "desc");
    }

    ChannelQuery toQuery(int page, int size) {
        Long categoryId = null;
        try {
            categoryId = category.isEmpty() ? null : Long.parseLong(category);
        } catch (NumberFormatException ignored) {
            // no category filter
        }
        Boolean hiddenOnly = switch (hidden) {
        case "yes" -> Boolean.TRUE;
        case "no" -> Boolean.FALSE;
        default -> null;
        };
        ChannelSort order = ChannelSort.UPDATED;
        for (ChannelSort s : ChannelSort.values()) {
            if (s.name().equalsIgnoreCase(sort)) {
                order = s;
            }
        }
        return new ChannelQuery(q, categoryId, hiddenOnly, order, !"asc".equals(dir), page, size);
    }

    /** The list URL with these values on {@code page}. */
    public String url(int page) {
        return "/admin/channels?q=" + enc(q) + "&category=" + enc(category) + "&hidden=" + enc(hidden) + "&sort="
                + enc(sort) + "&dir=" + enc(dir) + "&page=" + page;
    }

    /** The list URL sorted by {@code column}, flipping the direction when it already is. */
    public String sortUrl(String column) {
        String direction = column.equals(sort) && "asc".equals(dir) ? "desc" : "asc";
        return new ChannelFilter(q, category, hidden, column, direction).url(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
