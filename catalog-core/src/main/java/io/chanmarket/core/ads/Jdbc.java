package io.chanmarket.core.ads;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain pooled JDBC connections for the ad engine's hand-written SQL (the hot path and the aggregates), bypassing the
 * contextual-connection proxy: each unit of work takes a connection, runs, and gives it back.
 */
@Singleton
public class Jdbc {

    /** One unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Runs {@code work} in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** One row of a {@link #stream}. */
    @FunctionalInterface
    public interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql} (no parameters) through a cursor, 10,000 rows at a time, handing each row to {@code row}. */
    public void stream(String sql, Row row) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                    }
                }
            }
            return null;
        });
    }

    /** The database failed (unreachable, or a statement failed unexpectedly). */
    public static final class DatabaseFailure extends RuntimeException {
        public DatabaseFailure(SQLException cause) {
            super("database failure: " + cause.getMessage(), cause);
        }
    }
}
