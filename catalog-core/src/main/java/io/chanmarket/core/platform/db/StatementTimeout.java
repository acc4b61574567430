package io.chanmarket.core.platform.db;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The time limit of one statement on a request's path ({@code app.database.statement-timeout}, whole seconds, at least
 * one): the Mini App's and the ad engine's queries carry it, so a query stuck behind a lock or a slow plan gives its
 * connection back and the request ends with 503 instead of holding a pool connection indefinitely. Bulk work (exports,
 * snapshot loads, migrations) does not use it. See {@code docs/event-loop.md}.
 */
@Singleton
public class StatementTimeout {

    private final int seconds;

    public StatementTimeout(@Value("${app.database.statement-timeout:5s}") Duration timeout) {
        this.seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    public int seconds() {
        return seconds;
    }

    /** Sets the limit on {@code statement} and returns it. */
    public <S extends Statement> S apply(S statement) throws SQLException {
        statement.setQueryTimeout(seconds);
        return statement;
    }

    /** {@code work} run on a statement that carries the limit. */
    public <R> PreparedStatementCallback<R> bounded(PreparedStatementCallback<R> work) {
        return statement -> work.call(apply(statement));
    }
}
