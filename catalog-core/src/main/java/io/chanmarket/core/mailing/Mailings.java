package io.chanmarket.core.mailing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mailings as the admin sees them: compose a draft, start it (the audience is snapshotted into
 * {@code mailing_recipient} rows at that moment), pause, resume, cancel, follow the progress, and queue a test copy for
 * one Telegram user. The sender (module {@code bot}) only reads the state set here, through {@link MailingOutbox}.
 */
@Singleton
@Transactional
public class Mailings {

    private static final String COLUMNS = "id, title, text, image_url, button_channel_id, button_text, state, is_test,"
            + " created_by, created_at, started_at, finished_at, version,"
            + " ARRAY(SELECT segment_id FROM mailing_segment s WHERE s.mailing_id = mailing.id ORDER BY segment_id),"
            + " pause_reason, pause_detail, paused_at, telegram_back_at";

    private final JdbcOperations jdbc;
    private final Segments segments;

    Mailings(JdbcOperations jdbc, Segments segments) {
        this.jdbc = jdbc;
        this.segments = segments;
    }

    /** The outcome of a state change. */
    public enum Change {
        DONE, NOT_FOUND, WRONG_STATE, STALE, EMPTY_AUDIENCE
    }

    /** Creates a draft (already checked with {@link MailingDraft#problems()}). */
    public long create(MailingDraft draft, String actor) {
        long id = jdbc.prepareStatement("""
                INSERT INTO mailing (title, text, image_url, button_channel_id, button_text, state, created_by)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?) RETURNING id
                """, ps -> {
            setDraft(ps, draft);
            ps.setString(6, actor);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        setSegments(id, draft.segmentIds());
        return id;
    }

    /** Saves a draft over version {@code version}; only drafts can be edited. */
    public Change update(long id, long version, MailingDraft draft) {
        Optional<Mailing> current = find(id);
        if (current.isEmpty()) {
            return Change.NOT_FOUND;
        }
        if (current.get().state() != MailingState.DRAFT) {
            return Change.WRONG_STATE;
        }
        int updated = jdbc.prepareStatement("""
                UPDATE mailing SET title = ?, text = ?, image_url = ?, button_channel_id = ?, button_text = ?,
                    version = version + 1
                WHERE id = ? AND version = ? AND state = 'DRAFT'
                """, ps -> {
            setDraft(ps, draft);
            ps.setLong(6, id);
            ps.setLong(7, version);
            return ps.executeUpdate();
        });
        if (updated == 0) {
            return Change.STALE;
        }
        setSegments(id, draft.segmentIds());
        return Change.DONE;
    }

    public Optional<Mailing> find(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM mailing WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /** Mailings newest first (test copies left out). */
    public List<Mailing> list(int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM mailing WHERE NOT is_test ORDER BY id DESC LIMIT ?",
                ps -> {
                    ps.setInt(1, limit);
                    List<Mailing> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(map(rs));
                        }
                    }
                    return out;
                });
    }

    /**
     * Starts a draft: folds the latest events into the segments, snapshots the audience (users in any chosen segment
     * who have not blocked the bot) into recipient rows, and sets the mailing running.
     */
    public Change start(long id, long version) {
        Optional<Mailing> mailing = find(id);
        if (mailing.isEmpty()) {
            return Change.NOT_FOUND;
        }
        if (mailing.get().state() != MailingState.DRAFT) {
            return Change.WRONG_STATE;
        }
        if (mailing.get().version() != version) {
            return Change.STALE;
        }
        segments.fold();
        List<Long> segmentIds = mailing.get().segmentIds();
        if (segments.audienceSize(segmentIds) == 0) {
            return Change.EMPTY_AUDIENCE;
        }
        int started = jdbc.prepareStatement("""
                UPDATE mailing SET state = 'RUNNING', started_at = now(), version = version + 1
                WHERE id = ? AND version = ? AND state = 'DRAFT'
                """, ps -> {
            ps.setLong(1, id);
            ps.setLong(2, version);
            return ps.executeUpdate();
        });
        if (started == 0) {
            return Change.STALE;
        }
        jdbc.prepareStatement("INSERT INTO mailing_recipient (mailing_id, user_id, status) SELECT ?, a.id,"
                + " 'PENDING' FROM (" + Segments.AUDIENCE + ") a", ps -> {
                    ps.setLong(1, id);
                    var ids = Segments.longArray(ps.getConnection(), segmentIds);
                    ps.setArray(2, ids);
                    ps.setArray(3, ids);
                    return ps.executeUpdate();
                });
        return Change.DONE;
    }

    public Change pause(long id) {
        return move(id, "RUNNING", "PAUSED");
    }

    public Change resume(long id) {
        return move(id, "PAUSED", "RUNNING");
    }

    /** Cancels a running or paused mailing: recipients not yet sent to are marked cancelled. */
    public Change cancel(long id) {
        Change change = move(id, "RUNNING,PAUSED", "CANCELLED");
        if (change == Change.DONE) {
            jdbc.prepareStatement("UPDATE mailing_recipient SET status = 'CANCELLED', updated_at = now()"
                    + " WHERE mailing_id = ? AND status = 'PENDING'", ps -> {
                        ps.setLong(1, id);
                        return ps.executeUpdate();
                    });
        }
        return change;
    }

    private Change move(long id, String from, String to) {
        Optional<Mailing> mailing = find(id);
        if (mailing.isEmpty()) {
            return Change.NOT_FOUND;
        }
        int updated = jdbc.prepareStatement("UPDATE mailing SET state = ?, version = version + 1,"
                + " finished_at = CASE WHEN ? = 'CANCELLED' THEN now() ELSE finished_at END,"
                + " pause_reason = NULL, pause_detail = NULL, telegram_back_at = NULL,"
                + " paused_at = CASE WHEN state = 'RUNNING' THEN now() ELSE paused_at END"
                + " WHERE id = ? AND state = ANY(string_to_array(?, ','))", ps -> {
                    ps.setString(1, to);
                    ps.setString(2, to);
                    ps.setLong(3, id);
                    ps.setString(4, from);
                    return ps.executeUpdate();
                });
        return updated == 1 ? Change.DONE : Change.WRONG_STATE;
    }

    /** Queues a copy of the mailing for one Telegram user ("send a test to yourself"); the sender sends it first. */
    public long queueTest(long id, long telegramUserId, String actor) {
        long testId = jdbc.prepareStatement("""
                INSERT INTO mailing (title, text, image_url, button_channel_id, button_text, state, is_test, created_by,
                                     started_at, test_of)
                SELECT title, text, image_url, button_channel_id, button_text, 'RUNNING', TRUE, ?, now(), id
                FROM mailing WHERE id = ? RETURNING id
                """, ps -> {
            ps.setString(1, actor);
            ps.setLong(2, id);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no mailing " + id);
                }
                return rs.getLong(1);
            }
        });
        jdbc.prepareStatement("INSERT INTO mailing_recipient (mailing_id, user_id, status) VALUES (?, ?, 'PENDING')",
                ps -> {
                    ps.setLong(1, testId);
                    ps.setLong(2, telegramUserId);
                    return ps.executeUpdate();
                });
        return testId;
    }

    /** One "send a test to yourself": to whom, when, and its outcome so far. */
    public record TestSend(long id, long telegramUserId, String createdBy, Instant createdAt, String status,
            @io.micronaut.core.annotation.Nullable String reason) {
    }

    /** The test copies of mailing {@code id}, newest first. */
    public List<TestSend> tests(long id, int limit) {
        return jdbc.prepareStatement("""
                SELECT m.id, r.user_id, m.created_by, m.created_at, r.status, r.error
                FROM mailing m JOIN mailing_recipient r ON r.mailing_id = m.id
                WHERE m.test_of = ? ORDER BY m.id DESC LIMIT ?
                """, ps -> {
            ps.setLong(1, id);
            ps.setInt(2, limit);
            List<TestSend> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TestSend(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    /** Recipients by outcome and the most frequent failure reasons. */
    public Progress progress(long id) {
        long[] n = new long[10];
        jdbc.prepareStatement("SELECT status, count(*) FROM mailing_recipient WHERE mailing_id = ? GROUP BY status",
                ps -> {
                    ps.setLong(1, id);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long c = rs.getLong(2);
                            n[0] += c;
                            switch (rs.getString(1)) {
                            case "PENDING" -> n[1] += c;
                            case "SENDING" -> n[2] += c;
                            case "DELIVERED" -> n[3] += c;
                            case "BLOCKED" -> n[4] += c;
                            case "FAILED" -> n[5] += c;
                            case "UNKNOWN" -> n[6] += c;
                            case "NOT_SENT" -> n[8] += c;
                            default -> n[7] += c;
                            }
                        }
                    }
                    return null;
                });
        n[9] = jdbc.prepareStatement("SELECT count(*) FROM mailing_recipient WHERE mailing_id = ?"
                + " AND status = 'PENDING' AND error LIKE 'unreachable:%'", ps -> {
                    ps.setLong(1, id);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        List<Progress.Reason> reasons = jdbc.prepareStatement("""
                SELECT coalesce(error, ''), count(*) FROM mailing_recipient
                WHERE mailing_id = ? AND (status IN ('FAILED', 'UNKNOWN', 'NOT_SENT')
                    OR status = 'PENDING' AND error IS NOT NULL)
                GROUP BY 1 ORDER BY 2 DESC LIMIT 10
                """, ps -> {
            ps.setLong(1, id);
            List<Progress.Reason> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Progress.Reason(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        });
        return new Progress(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], reasons);
    }

    private void setSegments(long id, List<Long> segmentIds) {
        jdbc.prepareStatement("DELETE FROM mailing_segment WHERE mailing_id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
        if (segmentIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO mailing_segment (mailing_id, segment_id) SELECT ?, s.id FROM segment s"
                + " WHERE s.id = ANY(?)", ps -> {
                    ps.setLong(1, id);
                    ps.setArray(2, Segments.longArray(ps.getConnection(), segmentIds));
                    return ps.executeUpdate();
                });
    }

    private static void setDraft(PreparedStatement ps, MailingDraft d) throws SQLException {
        ps.setString(1, d.title());
        ps.setString(2, d.text());
        ps.setString(3, d.imageUrl());
        ps.setObject(4, d.buttonChannelId(), Types.BIGINT);
        ps.setString(5, d.buttonText());
    }

    private static Mailing map(ResultSet rs) throws SQLException {
        Long[] segmentIds = (Long[]) rs.getArray(14).getArray();
        return new Mailing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, Long.class), rs.getString(6), MailingState.valueOf(rs.getString(7)), rs.getBoolean(8),
                rs.getString(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)), rs.getLong(13), List.of(segmentIds), rs.getString(15), rs.getString(16),
                instant(rs.getTimestamp(17)), instant(rs.getTimestamp(18)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
