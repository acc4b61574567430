package io.chanmarket.core.platform.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Plain pooled JDBC connections for the ad engine's hand-written SQL (the hot path and the aggregates), bypassing the
 * contextual-connection proxy: each unit of work takes a connection, runs, and gives it back. Every statement made on a
 * connection of {@link #read} or {@link #inTransaction} carries the {@link StatementTimeout}; {@link #stream} (bulk
 * loads) does not.
 */
@Singleton
public class Jdbc {

    /** One unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final StatementTimeout timeout;

    public Jdbc(DataSource dataSource, StatementTimeout timeout) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.timeout = timeout;
    }

    /** Runs {@code work} in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(bounded(connection));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        return inTransaction(work, true);
    }

    private <T> T inTransaction(Work<T> work, boolean bounded) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(bounded ? bounded(connection) : connection);
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
        }, false);
    }

    /**
     * {@code connection} whose statements carry the {@link StatementTimeout} (everything else goes straight through).
     */
    private Connection bounded(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return result instanceof Statement statement ? timeout.apply(statement) : result;
                });
    }

    /** The database failed (unreachable, or a statement failed unexpectedly). */
    public static final class DatabaseFailure extends RuntimeException {
        public DatabaseFailure(SQLException cause) {
            super("database failure: " + cause.getMessage(), cause);
        }
    }
}
