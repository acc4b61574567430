package io.chanmarket.core.catalog.editing;

import io.chanmarket.core.platform.shared.PageOf;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL over {@code channel} for editing; keeps {@code cpm_rub} in step with the price. */
@Singleton
class ChannelEditRepository {

    private static final String SELECT = """
            SELECT c.id, c.category_id, c.username, c.title, c.description, c.logo_url, c.tg_link, c.tgstat_url,
                   c.telemetr_url, c.language, c.country, c.price_rub, c.audience_age, c.gender_male_pct,
                   c.gender_female_pct, c.geo_split::text AS geo_split, c.hidden, c.subscribers, c.avg_reach,
                   c.cpm_rub, c.version, c.updated_at
            FROM channel c""";

    /** CPM = price ÷ reach × 1000, with the 24-hour ad reach when known, else the average post reach. */
    private static final String CPM = """
            CASE WHEN price_rub IS NOT NULL AND COALESCE(ad_reach_24h, avg_reach) > 0
                 THEN round(price_rub / COALESCE(ad_reach_24h, avg_reach) * 1000, 2) END""";

    private static final Argument<List<GeoShare>> GEO = Argument.listOf(GeoShare.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ChannelEditRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    PageOf<ChannelListItem> page(ChannelQuery query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (query.search() != null && !query.search().isBlank()) {
            String like = Sql.contains(query.search().trim());
            where.append(" AND (c.title ILIKE ? OR c.username ILIKE ? OR c.description ILIKE ?)");
            params.addAll(List.of(like, like, like));
        }
        if (query.categoryId() != null) {
            if (query.categoryId() == 0) {
                where.append(" AND c.category_id IS NULL");
            } else {
                where.append(" AND c.category_id = ?");
                params.add(query.categoryId());
            }
        }
        if (query.hidden() != null) {
            where.append(" AND c.hidden = ?");
            params.add(query.hidden());
        }
        long total = jdbc.prepareStatement("SELECT count(*) FROM channel c" + where, ps -> {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        String order = query.sort().column + (query.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", c.id";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((query.page() - 1) * query.size());
        pageParams.add(query.size());
        List<ChannelListItem> items = jdbc.prepareStatement("""
                SELECT c.id, c.title, c.username, k.name_ru AS category_name, c.price_rub, c.subscribers, c.hidden,
                       c.updated_at
                FROM channel c LEFT JOIN category k ON k.id = c.category_id""" + where + " ORDER BY " + order
                + " OFFSET ? LIMIT ?", ps -> {
                    Sql.bind(ps, pageParams);
                    List<ChannelListItem> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new ChannelListItem(rs.getLong("id"), rs.getString("title"),
                                    rs.getString("username"), rs.getString("category_name"),
                                    rs.getBigDecimal("price_rub"), Sql.longOrNull(rs, "subscribers"),
                                    rs.getBoolean("hidden"), Sql.instant(rs, "updated_at")));
                        }
                    }
                    return out;
                });
        return new PageOf<>(items, query.page(), query.size(), total);
    }

    Optional<EditableChannel> find(long id) {
        return jdbc.prepareStatement(SELECT + " WHERE c.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    boolean usernameTaken(String username, long exceptId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM channel WHERE username = ? AND id <> ?)", ps -> {
            ps.setString(1, username);
            ps.setLong(2, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    long insert(ChannelDraft draft) {
        return jdbc.prepareStatement("""
                INSERT INTO channel (category_id, username, title, description, tg_link, tgstat_url, telemetr_url,
                                     language, country, price_rub, audience_age, gender_male_pct, gender_female_pct,
                                     geo_split, hidden)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) RETURNING id""", ps -> {
            Sql.bind(ps, values(draft));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    boolean update(long id, long version, ChannelDraft draft) {
        return jdbc.prepareStatement("""
                UPDATE channel SET category_id = ?, username = ?, title = ?, description = ?, tg_link = ?,
                       tgstat_url = ?, telemetr_url = ?, language = ?, country = ?, price_rub = ?, audience_age = ?,
                       gender_male_pct = ?, gender_female_pct = ?, geo_split = CAST(? AS jsonb), hidden = ?,
                       version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""", ps -> {
            List<Object> params = values(draft);
            params.add(id);
            params.add(version);
            Sql.bind(ps, params);
            return ps.executeUpdate() == 1;
        });
    }

    void refreshCpm(long id) {
        jdbc.prepareStatement("UPDATE channel SET cpm_rub = " + CPM + " WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    boolean setLogo(long id, long version, String logoUrl) {
        return jdbc.prepareStatement("""
                UPDATE channel SET logo_url = ?, version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""", ps -> {
            ps.setString(1, logoUrl);
            ps.setLong(2, id);
            ps.setLong(3, version);
            return ps.executeUpdate() == 1;
        });
    }

    /** Rows deleted (0 = version moved on), or {@link Sql#REFERENCED}. */
    int delete(long id, long version) {
        return Sql.guardedDelete(jdbc, "DELETE FROM channel WHERE id = ? AND version = ?", List.of(id, version));
    }

    private List<Object> values(ChannelDraft d) {
        return new ArrayList<>(
                Arrays.asList(d.categoryId(), d.username(), d.title(), d.description(), d.tgLink(), d.tgstatUrl(),
                        d.telemetrUrl(), d.language(), d.country(), d.priceRub(), d.audienceAge(), d.genderMalePct(),
                        d.genderFemalePct(), d.geoSplit().isEmpty() ? null : toJson(d.geoSplit()), d.hidden()));
    }

    private String toJson(List<GeoShare> geo) {
        try {
            return json.writeValueAsString(geo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<GeoShare> geo(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            List<GeoShare> shares = json.readValue(text, GEO);
            return shares == null ? List.of() : shares;
        } catch (IOException e) {
            return List.of(); // parsed or legacy data in another shape: show none rather than fail the page
        }
    }

    private EditableChannel read(ResultSet rs) throws SQLException {
        return new EditableChannel(rs.getLong("id"), Sql.longOrNull(rs, "category_id"), rs.getString("username"),
                rs.getString("title"), rs.getString("description"), rs.getString("logo_url"), rs.getString("tg_link"),
                rs.getString("tgstat_url"), rs.getString("telemetr_url"), rs.getString("language"),
                rs.getString("country"), rs.getBigDecimal("price_rub"), rs.getString("audience_age"),
                rs.getBigDecimal("gender_male_pct"), rs.getBigDecimal("gender_female_pct"),
                geo(rs.getString("geo_split")), rs.getBoolean("hidden"), Sql.longOrNull(rs, "subscribers"),
                Sql.longOrNull(rs, "avg_reach"), rs.getBigDecimal("cpm_rub"), rs.getLong("version"),
                Sql.instant(rs, "updated_at"));
    }
}
