package io.chanmarket.core.platform.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that is busy from one that is broken: the pool had no connection to give within its
 * {@code connection-timeout} (HikariCP's {@link SQLTransientConnectionException}), or a statement ran past
 * {@link StatementTimeout} (SQLSTATE 57014) or could not take its lock (55P03). A busy database is worth a retry, so
 * the web layer answers 503 with {@code Retry-After}; see {@code docs/event-loop.md}.
 */
public final class DatabaseBusy {

    /** What {@code Retry-After} of such a 503 says, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** Statement cancelled: here by the statement timeout. */
    static final String QUERY_CANCELED = "57014";
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private DatabaseBusy() {
    }

    /** Whether {@code failure} or one of its causes says the database is busy rather than broken. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && (QUERY_CANCELED.equals(sql.getSQLState()) || LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
