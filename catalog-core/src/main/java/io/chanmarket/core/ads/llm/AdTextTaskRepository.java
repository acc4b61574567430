package io.chanmarket.core.ads.llm;

import io.chanmarket.core.platform.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

@Singleton
class AdTextTaskRepository {

    private final Jdbc jdbc;

    AdTextTaskRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    AdTextTask insert(UUID taskId, UUID advertiserId, UUID campaignId, String title) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ad_text_task (task_id, advertiser_id, campaign_id, campaign_title, status)
                    VALUES (?, ?, ?, ?, 'PENDING') RETURNING""" + COLUMNS)) {
                ps.setObject(1, taskId);
                ps.setObject(2, advertiserId);
                ps.setObject(3, campaignId);
                ps.setString(4, title);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return row(rs);
                }
            }
        });
    }

    void finish(UUID taskId, String text, String reason) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ad_text_task SET status = ?, text = ?, reason = ?, finished_at = now()
                     WHERE task_id = ? AND status = 'PENDING'""")) {
                ps.setString(1, text != null ? "DONE" : "FAILED");
                ps.setString(2, text);
                ps.setString(3, reason);
                ps.setObject(4, taskId);
                return ps.executeUpdate();
            }
        });
    }

    /** Pending tasks older than {@code age} are failed: the node working on them stopped. */
    int abandonOlderThan(Duration age) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ad_text_task SET status = 'FAILED', finished_at = now(),
                           reason = 'the task was abandoned (the server working on it stopped); request a new one'
                     WHERE status = 'PENDING' AND created_at < now() - ? * interval '1 millisecond'""")) {
                ps.setLong(1, age.toMillis());
                return ps.executeUpdate();
            }
        });
    }

    Optional<AdTextTask> find(UUID taskId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT" + COLUMNS + " FROM ad_text_task WHERE task_id = ?")) {
                ps.setObject(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private static final String COLUMNS = " task_id, advertiser_id, campaign_id, campaign_title, status, text, reason,"
            + " created_at, finished_at";

    private static AdTextTask row(ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp(9);
        return new AdTextTask(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), AdTextTask.Status.valueOf(rs.getString(5).toLowerCase(java.util.Locale.ROOT)),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
