package io.chanmarket.core.catalog.editing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL over {@code channel_review} and {@code channel_ad_example}. */
@Singleton
class ChannelExtrasRepository {

    private final JdbcOperations jdbc;

    ChannelExtrasRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Review> reviews(long channelId) {
        return reviewQuery("WHERE channel_id = ? ORDER BY created_at DESC, id DESC", channelId);
    }

    Optional<Review> review(long channelId, long id) {
        return reviewQuery("WHERE channel_id = ? AND id = ?", channelId, id).stream().findFirst();
    }

    long addReview(long channelId, String author, String text, Integer rating) {
        return insert("INSERT INTO channel_review (channel_id, author, text, rating) VALUES (?, ?, ?, ?) RETURNING id",
                channelId, author, text, rating);
    }

    boolean deleteReview(long channelId, long id) {
        return delete("DELETE FROM channel_review WHERE channel_id = ? AND id = ?", channelId, id);
    }

    List<AdExample> adExamples(long channelId) {
        return exampleQuery("WHERE channel_id = ? ORDER BY created_at DESC, id DESC", channelId);
    }

    Optional<AdExample> adExample(long channelId, long id) {
        return exampleQuery("WHERE channel_id = ? AND id = ?", channelId, id).stream().findFirst();
    }

    long addAdExample(long channelId, String title, String postUrl, String imageUrl) {
        return insert("INSERT INTO channel_ad_example (channel_id, title, post_url, image_url) VALUES (?, ?, ?, ?) "
                + "RETURNING id", channelId, title, postUrl, imageUrl);
    }

    boolean deleteAdExample(long channelId, long id) {
        return delete("DELETE FROM channel_ad_example WHERE channel_id = ? AND id = ?", channelId, id);
    }

    private List<Review> reviewQuery(String tail, Object... params) {
        return jdbc.prepareStatement(
                "SELECT id, channel_id, author, text, rating, created_at FROM channel_review " + tail, ps -> {
                    Sql.bind(ps, Arrays.asList(params));
                    List<Review> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Review(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("author"),
                                    rs.getString("text"), Sql.intOrNull(rs, "rating"), Sql.instant(rs, "created_at")));
                        }
                    }
                    return out;
                });
    }

    private List<AdExample> exampleQuery(String tail, Object... params) {
        return jdbc.prepareStatement(
                "SELECT id, channel_id, title, post_url, image_url, created_at FROM channel_ad_example " + tail, ps -> {
                    Sql.bind(ps, Arrays.asList(params));
                    List<AdExample> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new AdExample(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("title"),
                                    rs.getString("post_url"), rs.getString("image_url"),
                                    Sql.instant(rs, "created_at")));
                        }
                    }
                    return out;
                });
    }

    private long insert(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, Arrays.asList(params));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private boolean delete(String sql, long channelId, long id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, channelId);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        });
    }
}
