package io.chanmarket.core.catalog.editing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Small JDBC helpers shared by this package's repositories. */
final class Sql {

    private Sql() {
    }

    static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    /** Result of {@link #guardedDelete}: rows deleted, or this when another table still references the row. */
    static final int REFERENCED = -1;

    /**
     * Runs a DELETE inside a savepoint, so that a foreign key of another module's table (favorites, events, ...) that
     * still points at the row rolls back only this statement and is reported as {@link #REFERENCED}.
     */
    static int guardedDelete(JdbcOperations jdbc, String sql, List<?> params) {
        return jdbc.execute(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, params);
                int rows = ps.executeUpdate();
                connection.releaseSavepoint(savepoint);
                return rows;
            } catch (SQLException e) {
                if ("23503".equals(e.getSQLState())) {
                    connection.rollback(savepoint);
                    return REFERENCED;
                }
                throw e;
            }
        });
    }

    /** Escapes LIKE wildcards in user input and wraps it in {@code %}. */
    static String contains(String search) {
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
