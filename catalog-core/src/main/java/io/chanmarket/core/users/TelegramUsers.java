package io.chanmarket.core.users;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.chanmarket.core.platform.db.StatementTimeout;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

/**
 * The Mini App's users: first and last seen, names and language. A user is written at most once per {@link #REFRESH}
 * per node, so authenticated requests do not each cost a write.
 */
@Singleton
public class TelegramUsers {

    static final Duration REFRESH = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 200_000;

    private final JdbcOperations jdbc;
    private final StatementTimeout timeout;
    private final TransactionOperations<Connection> tx;
    private final Map<Long, Long> lastWrite = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).<Long, Long> build()
            .asMap();

    TelegramUsers(JdbcOperations jdbc, TransactionOperations<Connection> tx, StatementTimeout timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
        this.tx = tx;
    }

    /**
     * Records that {@code user} is here now: creates them, or refreshes names, language and last-seen time. A user
     * written by this node within {@link #REFRESH} costs nothing (no transaction is opened).
     */
    public void seen(TelegramUser user) {
        long now = System.nanoTime();
        Long previous = lastWrite.get(user.id());
        if (previous != null && now - previous < REFRESH.toNanos()) {
            return;
        }
        tx.executeWrite(status -> statement("""
                INSERT INTO telegram_user (id, first_name, last_name, username, language_code, is_premium)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
                    username = excluded.username, language_code = excluded.language_code,
                    is_premium = excluded.is_premium, last_seen_at = now()
                """, ps -> {
            ps.setLong(1, user.id());
            ps.setString(2, user.firstName());
            ps.setString(3, user.lastName());
            ps.setString(4, user.username());
            ps.setString(5, user.languageCode());
            ps.setBoolean(6, user.premium());
            return ps.executeUpdate();
        }));
        lastWrite.put(user.id(), now);
    }

    /**
     * Marks the user as having blocked the bot ({@code blocked = true}) or unblocked it. A user not seen before is
     * created from {@code user} first.
     */
    @Transactional
    public void setBlocked(TelegramUser user, boolean blocked) {
        lastWrite.remove(user.id());
        seen(user);
        setBlocked(user.id(), blocked);
    }

    /** Marks a known user as having blocked or unblocked the bot; an unknown id changes nothing. */
    @Transactional
    public void setBlocked(long userId, boolean blocked) {
        statement(blocked ? "UPDATE telegram_user SET blocked_at = coalesce(blocked_at, now()) WHERE id = ?"
                : "UPDATE telegram_user SET blocked_at = NULL WHERE id = ?", ps -> {
                    ps.setLong(1, userId);
                    return ps.executeUpdate();
                });
    }

    /** Whether the user is known and has blocked the bot. */
    @Transactional
    public boolean isBlocked(long userId) {
        return statement("SELECT blocked_at IS NOT NULL FROM telegram_user WHERE id = ?", ps -> {
            ps.setLong(1, userId);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    /** Whether a user with this id exists. */
    @Transactional
    public boolean exists(long userId) {
        return statement("SELECT 1 FROM telegram_user WHERE id = ?", ps -> {
            ps.setLong(1, userId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** A statement of a request's path: it carries the {@link StatementTimeout}. */
    private <R> R statement(String sql, PreparedStatementCallback<R> work) {
        return jdbc.prepareStatement(sql, timeout.bounded(work));
    }
}
