package io.chanmarket.admin;

import io.chanmarket.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Direct SQL on this run's database, for test set-up that the panel itself cannot do. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static void execute(String sql) {
        TestInfrastructure.Database db = TestInfrastructure.database();
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query, e.g. an id from {@code INSERT ... RETURNING id}. */
    public static long queryLong(String sql) {
        TestInfrastructure.Database db = TestInfrastructure.database();
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement statement = connection.createStatement();
                java.sql.ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
