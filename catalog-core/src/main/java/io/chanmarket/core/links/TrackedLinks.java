package io.chanmarket.core.links;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tracked links. Every channel gets a default link when it is created (a database trigger); admins may add more, each
 * with a label. Arrivals are counted per link.
 */
@Singleton
@Transactional
public class TrackedLinks {

    private final JdbcOperations jdbc;

    TrackedLinks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TrackedLink> byCode(String code) {
        return jdbc.prepareStatement(
                "SELECT id, code, channel_id, category_id, label, is_default FROM tracked_link WHERE code = ?", ps -> {
                    ps.setString(1, code);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(link(rs)) : Optional.empty();
                    }
                });
    }

    /** The default link of a channel. */
    public Optional<TrackedLink> defaultFor(long channelId) {
        return jdbc.prepareStatement("SELECT id, code, channel_id, category_id, label, is_default FROM tracked_link"
                + " WHERE channel_id = ? AND is_default", ps -> {
                    ps.setLong(1, channelId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(link(rs)) : Optional.empty();
                    }
                });
    }

    /** Counts one arrival through the link. */
    public void recordArrival(long linkId, @Nullable Long userId) {
        jdbc.prepareStatement("INSERT INTO tracked_link_arrival (link_id, user_id) VALUES (?, ?)", ps -> {
            ps.setLong(1, linkId);
            if (userId == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, userId);
            }
            return ps.executeUpdate();
        });
    }

    public long arrivals(long linkId) {
        return jdbc.prepareStatement("SELECT count(*) FROM tracked_link_arrival WHERE link_id = ?", ps -> {
            ps.setLong(1, linkId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every tracked link of a channel with its arrivals, the default link first, then oldest first. */
    public List<ChannelLink> forChannel(long channelId) {
        return jdbc.prepareStatement("SELECT l.id, l.code, l.channel_id, l.category_id, l.label, l.is_default,"
                + " (SELECT count(*) FROM tracked_link_arrival a WHERE a.link_id = l.id) AS arrivals"
                + " FROM tracked_link l WHERE l.channel_id = ? ORDER BY l.is_default DESC, l.id", ps -> {
                    ps.setLong(1, channelId);
                    List<ChannelLink> links = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            links.add(new ChannelLink(link(rs), rs.getLong("arrivals")));
                        }
                    }
                    return links;
                });
    }

    /** Creates a labelled link for a channel, with a fresh random code. */
    public TrackedLink create(long channelId, String label) {
        return jdbc.prepareStatement(
                "INSERT INTO tracked_link (code, channel_id, label)" + " VALUES (tracked_link_default_code(?), ?, ?)"
                        + " RETURNING id, code, channel_id, category_id, label, is_default",
                ps -> {
                    ps.setLong(1, channelId);
                    ps.setLong(2, channelId);
                    ps.setString(3, label);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return link(rs);
                    }
                });
    }

    private static TrackedLink link(ResultSet rs) throws SQLException {
        long channel = rs.getLong("channel_id");
        Long channelId = rs.wasNull() ? null : channel;
        long category = rs.getLong("category_id");
        Long categoryId = rs.wasNull() ? null : category;
        return new TrackedLink(rs.getLong("id"), rs.getString("code"), channelId, categoryId, rs.getString("label"),
                rs.getBoolean("is_default"));
    }
}
