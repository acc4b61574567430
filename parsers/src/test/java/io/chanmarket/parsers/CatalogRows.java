package io.chanmarket.parsers;

import io.chanmarket.testing.TestInfrastructure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test set-up and checks on the catalog tables, with plain JDBC on this run's database. */
public final class CatalogRows {

    private CatalogRows() {
    }

    /** A fresh username, so tests sharing the run's database do not meet. */
    public static String aUsername(String hint) {
        return hint + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A channel in the catalog that was never fetched. */
    public static long aChannel(String username, BigDecimal priceRub) {
        return insert("INSERT INTO channel (username, title, price_rub) VALUES (?, ?, ?) RETURNING id", username,
                "@" + username, priceRub);
    }

    /** A demo channel: never fetched by the schedule. */
    public static long aDemoChannel(String username) {
        return insert("INSERT INTO channel (username, title, is_demo) VALUES (?, ?, TRUE) RETURNING id", username,
                "@" + username, null);
    }

    /** Every channel counts as just refreshed (so a test sees only its own stale channels). */
    public static void everyChannelFresh() {
        update("UPDATE channel SET metrics_updated_at = now()");
    }

    public static void update(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The channel row, column name to value. */
    public static Map<String, Object> channel(long id) {
        return row("SELECT * FROM channel WHERE id = ?", id);
    }

    public static Map<String, Object> row(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... args) {
        Object value = row(sql, args).values().iterator().next();
        return ((Number) value).longValue();
    }

    private static long insert(String sql, String username, String title, BigDecimal price) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            ps.setString(2, title);
            if (sql.contains("price_rub")) {
                ps.setBigDecimal(3, price);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        TestInfrastructure.Database db = TestInfrastructure.database();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }
}
