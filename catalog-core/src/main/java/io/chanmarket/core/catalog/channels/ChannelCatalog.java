package io.chanmarket.core.catalog.channels;

import io.chanmarket.core.catalog.channels.ChannelDetails.AdExample;
import io.chanmarket.core.catalog.channels.ChannelDetails.GeoShare;
import io.chanmarket.core.catalog.channels.ChannelDetails.Review;
import io.micronaut.data.connection.annotation.Connectable;
import io.chanmarket.core.platform.db.StatementTimeout;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the catalog as buyers see it: categories, channel lists with sorting and filters, the channel card.
 * Channels that are hidden or carry TGStat's red or black label are left out of every list; the card still opens them
 * (with the label shown) unless they are hidden. Hand-written SQL: these are the Mini App's hot paths.
 */
@Singleton
public class ChannelCatalog {

    private static final String VISIBLE = "NOT c.hidden AND NOT c.red_label AND NOT c.black_label";
    private static final String SUMMARY_COLUMNS = "c.id, c.category_id, c.title, c.username, c.logo_url, c.subscribers,"
            + " c.avg_reach AS reach, c.err_pct, " + ChannelNumbers.CPM_SQL + " AS cpm, c.price_rub, c.verified,"
            + " c.is_demo";
    private static final String CATEGORY_COLUMNS = "cat.id, cat.slug, cat.name_ru, cat.name_en, cat.is_demo,"
            + " (SELECT count(*) FROM channel c WHERE c.category_id = cat.id AND " + VISIBLE + ") AS channel_count";

    /**
     * The card's six statements, sent in one round trip: the channel with its category and default tracked link, its
     * geo split, its latest reviews and ad examples, the channels of its category closest in size (the nearest above
     * and the nearest below walk the category/subscribers index instead of sorting the whole category; channels without
     * a count are taken as 0) and whether the viewer keeps it among their favorites.
     */
    private static final String CARD_SQL = "SELECT c.*, " + ChannelNumbers.CPM_SQL + " AS cpm, "
            + CATEGORY_COLUMNS.replace("cat.id,", "cat.id AS cat_id,").replace("cat.is_demo", "cat.is_demo AS cat_demo")
            + ", (SELECT l.code FROM tracked_link l WHERE l.channel_id = c.id AND l.is_default) AS link_code"
            + " FROM channel c LEFT JOIN category cat ON cat.id = c.category_id WHERE c.id = ? AND NOT c.hidden;"
            + " SELECT e->>'name', (e->>'pct')::numeric FROM channel c,"
            + " jsonb_array_elements(CASE WHEN jsonb_typeof(c.geo_split) = 'array' THEN c.geo_split"
            + " ELSE '[]'::jsonb END) e WHERE c.id = ?;"
            + " SELECT author, text, rating, created_at FROM channel_review WHERE channel_id = ?"
            + " ORDER BY created_at DESC, id DESC LIMIT 20;"
            + " SELECT title, post_url, image_url FROM channel_ad_example WHERE channel_id = ?"
            + " ORDER BY created_at DESC, id DESC LIMIT 20;"
            + " WITH me AS (SELECT category_id, COALESCE(subscribers, 0) AS size FROM channel WHERE id = ?)"
            + " SELECT * FROM ((SELECT " + SUMMARY_COLUMNS + " FROM channel c"
            + " WHERE c.category_id = (SELECT category_id FROM me) AND c.id <> ? AND " + VISIBLE
            + " AND c.subscribers >= (SELECT size FROM me) ORDER BY c.subscribers, c.id LIMIT ?)"
            + " UNION ALL (SELECT " + SUMMARY_COLUMNS + " FROM channel c"
            + " WHERE c.category_id = (SELECT category_id FROM me) AND c.id <> ? AND " + VISIBLE
            + " AND c.subscribers < (SELECT size FROM me) ORDER BY c.subscribers DESC, c.id LIMIT ?)"
            + " UNION ALL (SELECT " + SUMMARY_COLUMNS + " FROM channel c"
            + " WHERE c.category_id = (SELECT category_id FROM me) AND c.id <> ? AND " + VISIBLE
            + " AND c.subscribers IS NULL ORDER BY c.id LIMIT ?)) near"
            + " ORDER BY abs(COALESCE(near.subscribers, 0) - (SELECT size FROM me)), near.id LIMIT ?;"
            + " SELECT EXISTS (SELECT 1 FROM favorite WHERE user_id = ? AND channel_id = ?)";

    private final JdbcOperations jdbc;
    private final StatementTimeout timeout;

    ChannelCatalog(JdbcOperations jdbc, StatementTimeout timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    /** Every category in display order. */
    @ReadOnly
    public List<Category> categories() {
        return statement("SELECT " + CATEGORY_COLUMNS + " FROM category cat ORDER BY cat.sort_order, cat.id", ps -> {
            List<Category> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(category(rs));
                }
            }
            return result;
        });
    }

    @ReadOnly
    public Optional<Category> category(long id) {
        return statement("SELECT " + CATEGORY_COLUMNS + " FROM category cat WHERE cat.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(category(rs)) : Optional.empty();
            }
        });
    }

    /** Every category with its {@code perCategory} biggest channels (categories without channels included). */
    @ReadOnly
    public List<CategoryWithChannels> categoriesWithTopChannels(int perCategory) {
        List<Category> categories = categories();
        Map<Long, List<ChannelSummary>> byCategory = new LinkedHashMap<>();
        categories.forEach(cat -> byCategory.put(cat.id(), new ArrayList<>()));
        statement("SELECT x.* FROM category cat CROSS JOIN LATERAL (SELECT " + SUMMARY_COLUMNS
                + " FROM channel c WHERE c.category_id = cat.id AND " + VISIBLE
                + " ORDER BY c.subscribers DESC NULLS LAST, c.id LIMIT ?) x", ps -> {
                    ps.setInt(1, perCategory);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ChannelSummary row = summary(rs);
                            byCategory.get(row.categoryId()).add(row);
                        }
                    }
                    return null;
                });
        return categories.stream().map(cat -> new CategoryWithChannels(cat, List.copyOf(byCategory.get(cat.id()))))
                .toList();
    }

    /** One page of a category's channels. */
    @ReadOnly
    public ChannelPage channels(long categoryId, ChannelFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT ").append(SUMMARY_COLUMNS)
                .append(" FROM channel c WHERE c.category_id = ? AND ").append(VISIBLE);
        List<Object> args = new ArrayList<>();
        args.add(categoryId);
        range(sql, args, "c.subscribers", filter.subscribers());
        range(sql, args, "c.avg_reach", filter.reach());
        range(sql, args, "c.err_pct", filter.err());
        range(sql, args, ChannelNumbers.CPM_SQL, filter.cpm());
        range(sql, args, "c.price_rub", filter.price());
        if (filter.gender() == ChannelFilter.Gender.MALE) {
            sql.append(" AND c.gender_male_pct > c.gender_female_pct");
        } else if (filter.gender() == ChannelFilter.Gender.FEMALE) {
            sql.append(" AND c.gender_female_pct > c.gender_male_pct");
        }
        if (filter.country() != null) {
            sql.append(" AND c.country = ?");
            args.add(filter.country());
        }
        if (filter.language() != null) {
            sql.append(" AND c.language = ?");
            args.add(filter.language());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            String like = "%" + filter.search().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            sql.append(" AND (c.title ILIKE ? OR c.description ILIKE ?)");
            args.add(like);
            args.add(like);
        }
        String direction = filter.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(filter.sort().column()).append(direction).append(" NULLS LAST, c.id")
                .append(" LIMIT ? OFFSET ?");
        args.add(filter.pageSize() + 1);
        args.add((long) filter.page() * filter.pageSize());
        List<ChannelSummary> rows = summaries(sql.toString(), args);
        boolean hasMore = rows.size() > filter.pageSize();
        return new ChannelPage(hasMore ? List.copyOf(rows.subList(0, filter.pageSize())) : rows, filter.page(),
                hasMore);
    }

    /** The countries and languages present in a category, for the filter form. */
    @ReadOnly
    public FilterOptions filterOptions(long categoryId) {
        return statement("SELECT array_agg(DISTINCT c.country ORDER BY c.country)"
                + " FILTER (WHERE c.country IS NOT NULL), array_agg(DISTINCT c.language ORDER BY c.language)"
                + " FILTER (WHERE c.language IS NOT NULL) FROM channel c WHERE c.category_id = ? AND " + VISIBLE,
                ps -> {
                    ps.setLong(1, categoryId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new FilterOptions(strings(rs.getArray(1)), strings(rs.getArray(2)));
                    }
                });
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** Visible channels by id, in the order of {@code ids} (unknown or hidden ids are left out). */
    @ReadOnly
    public List<ChannelSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ChannelSummary> rows = statement(
                "SELECT " + SUMMARY_COLUMNS + " FROM channel c WHERE c.id = ANY (?) AND NOT c.hidden", ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray()));
                    List<ChannelSummary> result = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            result.add(summary(rs));
                        }
                    }
                    return result;
                });
        Map<Long, ChannelSummary> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).filter(r -> r != null).toList();
    }

    /** The whole card of a channel that is not hidden, with {@code similarSlots} similar-channel slots. */
    /** The card of a channel: every field, reviews, ad examples and similar channels; empty when hidden or unknown. */
    @Connectable
    public Optional<ChannelDetails> details(long channelId, int similarSlots) {
        return card(channelId, similarSlots, null).map(ChannelCard::details);
    }

    /**
     * The card of a channel as {@code viewerId} sees it (with whether it is among their favorites); empty when hidden
     * or unknown. One round trip: the statements of {@link #CARD_SQL} go to PostgreSQL together, on a connection in
     * autocommit (each statement reads committed data, as in a read-committed transaction, without the extra commit).
     */
    @Connectable
    public Optional<ChannelCard> card(long channelId, int similarSlots, Long viewerId) {
        return statement(CARD_SQL, ps -> {
            int i = 0;
            for (int n = 0; n < 5; n++) {
                ps.setLong(++i, channelId); // main, geo, reviews, ad examples, the similar channels' own row
            }
            ps.setLong(++i, channelId);
            ps.setInt(++i, similarSlots);
            ps.setLong(++i, channelId);
            ps.setInt(++i, similarSlots);
            ps.setLong(++i, channelId);
            ps.setInt(++i, similarSlots);
            ps.setInt(++i, similarSlots);
            if (viewerId == null) {
                ps.setNull(++i, Types.BIGINT);
            } else {
                ps.setLong(++i, viewerId);
            }
            ps.setLong(++i, channelId);
            ps.execute();
            ChannelDetails main;
            try (ResultSet rs = ps.getResultSet()) {
                main = rs.next() ? details(rs) : null;
            }
            List<GeoShare> geo = new ArrayList<>();
            try (ResultSet rs = next(ps)) {
                while (rs.next()) {
                    if (rs.getString(1) != null && rs.getBigDecimal(2) != null) {
                        geo.add(new GeoShare(rs.getString(1), rs.getBigDecimal(2)));
                    }
                }
            }
            List<Review> reviews = new ArrayList<>();
            try (ResultSet rs = next(ps)) {
                while (rs.next()) {
                    int rating = rs.getInt(3);
                    reviews.add(new Review(rs.getString(1), rs.getString(2), rs.wasNull() ? null : rating,
                            rs.getTimestamp(4).toInstant()));
                }
            }
            List<AdExample> examples = new ArrayList<>();
            try (ResultSet rs = next(ps)) {
                while (rs.next()) {
                    examples.add(new AdExample(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            List<ChannelSummary> similar = new ArrayList<>();
            try (ResultSet rs = next(ps)) {
                while (rs.next()) {
                    similar.add(summary(rs));
                }
            }
            boolean favorite;
            try (ResultSet rs = next(ps)) {
                favorite = rs.next() && rs.getBoolean(1);
            }
            if (main == null) {
                return Optional.<ChannelCard> empty();
            }
            ChannelDetails d = main;
            return Optional.of(new ChannelCard(new ChannelDetails(d.id(), d.category(), d.title(), d.description(),
                    d.username(), d.logoUrl(), d.tgLink(), d.tgstatUrl(), d.telemetrUrl(), d.language(), d.country(),
                    d.subscribers(), d.reach(), d.errPct(), d.erPct(), d.citationIndex(), d.priceRub(), d.cpmRub(),
                    d.audienceAge(), d.genderMalePct(), d.genderFemalePct(), geo, reviews, examples,
                    SimilarChannels.of(similar, similarSlots), d.channelCreatedOn(), d.metricsUpdatedAt(), d.verified(),
                    d.redLabel(), d.blackLabel(), d.demo(), d.trackedLinkCode()), favorite));
        });
    }

    private static ResultSet next(PreparedStatement ps) throws SQLException {
        if (!ps.getMoreResults()) {
            throw new SQLException("The card query returned fewer result sets than it has statements");
        }
        return ps.getResultSet();
    }

    private List<ChannelSummary> summaries(String sql, List<Object> args) {
        return statement(sql, ps -> {
            bind(ps, args);
            List<ChannelSummary> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(summary(rs));
                }
            }
            return result;
        });
    }

    private static void range(StringBuilder sql, List<Object> args, String column, ChannelFilter.Range range) {
        if (range.min() != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            args.add(range.min());
        }
        if (range.max() != null) {
            sql.append(" AND ").append(column).append(" <= ?");
            args.add(range.max());
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof BigDecimal decimal) {
                ps.setBigDecimal(i + 1, decimal);
            } else if (arg instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (arg instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) arg);
            }
        }
    }

    private static Category category(ResultSet rs) throws SQLException {
        return new Category(rs.getLong("id"), rs.getString("slug"), rs.getString("name_ru"), rs.getString("name_en"),
                rs.getInt("channel_count"), rs.getBoolean("is_demo"));
    }

    private static ChannelSummary summary(ResultSet rs) throws SQLException {
        return new ChannelSummary(rs.getLong("id"), rs.getLong("category_id"), rs.getString("title"),
                rs.getString("username"), rs.getString("logo_url"), longOrNull(rs, "subscribers"),
                longOrNull(rs, "reach"), rs.getBigDecimal("err_pct"), rs.getBigDecimal("cpm"),
                rs.getBigDecimal("price_rub"), rs.getBoolean("verified"), rs.getBoolean("is_demo"));
    }

    private static ChannelDetails details(ResultSet rs) throws SQLException {
        Category category = rs.getObject("cat_id") == null ? null
                : new Category(rs.getLong("cat_id"), rs.getString("slug"), rs.getString("name_ru"),
                        rs.getString("name_en"), rs.getInt("channel_count"), rs.getBoolean("cat_demo"));
        Date created = rs.getDate("channel_created_on");
        Timestamp updated = rs.getTimestamp("metrics_updated_at");
        return new ChannelDetails(rs.getLong("id"), category, rs.getString("title"), rs.getString("description"),
                rs.getString("username"), rs.getString("logo_url"), rs.getString("tg_link"), rs.getString("tgstat_url"),
                rs.getString("telemetr_url"), rs.getString("language"), rs.getString("country"),
                longOrNull(rs, "subscribers"), longOrNull(rs, "avg_reach"), rs.getBigDecimal("err_pct"),
                rs.getBigDecimal("er_pct"), rs.getBigDecimal("citation_index"), rs.getBigDecimal("price_rub"),
                rs.getBigDecimal("cpm"), rs.getString("audience_age"), rs.getBigDecimal("gender_male_pct"),
                rs.getBigDecimal("gender_female_pct"), List.of(), List.of(), List.of(),
                SimilarChannels.of(List.of(), 0), created == null ? null : created.toLocalDate(),
                updated == null ? null : updated.toInstant(), rs.getBoolean("verified"), rs.getBoolean("red_label"),
                rs.getBoolean("black_label"), rs.getBoolean("is_demo"), rs.getString("link_code"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A statement of a request's path: it carries the {@link StatementTimeout}. */
    private <R> R statement(String sql, PreparedStatementCallback<R> work) {
        return jdbc.prepareStatement(sql, timeout.bounded(work));
    }
}
