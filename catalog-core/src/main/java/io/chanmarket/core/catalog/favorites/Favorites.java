package io.chanmarket.core.catalog.favorites;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
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

    Favorites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a channel to the user's favorites.
     *
     * @return true when it was not there before
     */
    public boolean add(long userId, long channelId) {
        return jdbc.prepareStatement("INSERT INTO favorite (user_id, channel_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                ps -> {
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
        return jdbc.prepareStatement("DELETE FROM favorite WHERE user_id = ? AND channel_id = ?", ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, channelId);
            return ps.executeUpdate() == 1;
        });
    }

    public boolean contains(long userId, long channelId) {
        return jdbc.prepareStatement("SELECT 1 FROM favorite WHERE user_id = ? AND channel_id = ?", ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** The user's favorite channel ids, most recently added first. */
    public List<Long> channelIds(long userId) {
        return jdbc.prepareStatement(
                "SELECT channel_id FROM favorite WHERE user_id = ? ORDER BY created_at DESC, channel_id", ps -> {
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
}
