package io.chanmarket.core.favorites;

import io.chanmarket.core.platform.db.StatementTimeout;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** A user's favorite channels. Adding twice or removing what is not there changes nothing. */
@Singleton
@Transactional
public class Favorites {

    private final JdbcOperations jdbc;
    private final StatementTimeout timeout;

    Favorites(JdbcOperations jdbc, StatementTimeout timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    /**
     * Adds a channel to the user's favorites.
     *
     * @return true when it was not there before
     */
    public boolean add(long userId, long channelId) {
        return statement("INSERT INTO favorite (user_id, channel_id) VALUES (?, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, channelId);
            return ps.executeUpdate() == 1;
        });
    }

    /**
     * Removes a channel from the user's favorites.
     *
     * @return true when it was there
     */
    public boolean remove(long userId, long channelId) {
        return statement("DELETE FROM favorite WHERE user_id = ? AND channel_id = ?", ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, channelId);
            return ps.executeUpdate() == 1;
        });
    }

    public boolean contains(long userId, long channelId) {
        return statement("SELECT 1 FROM favorite WHERE user_id = ? AND channel_id = ?", ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** The user's favorite channel ids, most recently added first. */
    public List<Long> channelIds(long userId) {
        return statement("SELECT channel_id FROM favorite WHERE user_id = ? ORDER BY created_at DESC, channel_id",
                ps -> {
                    ps.setLong(1, userId);
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    return ids;
                });
    }

    /** A statement of a request's path: it carries the {@link StatementTimeout}. */
    private <R> R statement(String sql, PreparedStatementCallback<R> work) {
        return jdbc.prepareStatement(sql, timeout.bounded(work));
    }
}
