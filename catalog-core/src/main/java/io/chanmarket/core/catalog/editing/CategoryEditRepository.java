package io.chanmarket.core.catalog.editing;

import io.chanmarket.core.platform.shared.PageOf;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The admin's reads of {@code category} (search, paging, channel counts) and its guarded delete, in SQL. */
@Singleton
class CategoryEditRepository {

    private static final String SELECT = """
            SELECT k.id, k.slug, k.name_ru, k.name_en, k.sort_order, k.is_demo, k.version,
                   (SELECT count(*) FROM channel c WHERE c.category_id = k.id) AS channel_count
            FROM category k""";

    private final JdbcOperations jdbc;

    CategoryEditRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    PageOf<EditableCategory> page(String search, int page, int size) {
        String where = search == null || search.isBlank() ? ""
                : " WHERE k.slug ILIKE ? OR k.name_ru ILIKE ? OR k.name_en ILIKE ?";
        List<Object> params = new ArrayList<>();
        if (!where.isEmpty()) {
            String like = Sql.contains(search.trim());
            params.addAll(List.of(like, like, like));
        }
        long total = jdbc.prepareStatement("SELECT count(*) FROM category k" + where, ps -> {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((page - 1) * size);
        pageParams.add(size);
        List<EditableCategory> items = list(SELECT + where + " ORDER BY k.sort_order, k.name_ru, k.id OFFSET ? LIMIT ?",
                pageParams);
        return new PageOf<>(items, page, size, total);
    }

    List<EditableCategory> all() {
        return list(SELECT + " ORDER BY k.sort_order, k.name_ru, k.id", List.of());
    }

    Optional<EditableCategory> find(long id) {
        return list(SELECT + " WHERE k.id = ?", List.of(id)).stream().findFirst();
    }

    /** Rows deleted (0 = version moved on), or {@link Sql#REFERENCED}. */
    int delete(long id, long version) {
        return Sql.guardedDelete(jdbc, "DELETE FROM category WHERE id = ? AND version = ?", List.of(id, version));
    }

    private List<EditableCategory> list(String sql, List<?> params) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, params);
            List<EditableCategory> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    private static EditableCategory read(ResultSet rs) throws SQLException {
        return new EditableCategory(rs.getLong("id"), rs.getString("slug"), rs.getString("name_ru"),
                rs.getString("name_en"), rs.getInt("sort_order"), rs.getBoolean("is_demo"), rs.getLong("version"),
                rs.getLong("channel_count"));
    }
}
