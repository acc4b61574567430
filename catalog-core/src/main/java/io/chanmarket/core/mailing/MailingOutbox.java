package io.chanmarket.core.mailing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sender's side of mailings: which recipients are due, and recording each step. A recipient is marked
 * {@code SENDING} (committed) before the Bot API call, so a sender that dies during the call leaves a row that
 * {@link #recoverInFlight()} turns into {@code UNKNOWN}, which is reported and never resent.
 *
 * <p>
 * Only the {@code SENDING} mark must be durable before the call. Outcomes are committed without waiting for the WAL
 * flush ({@code synchronous_commit = off}): an outcome lost in a database crash leaves the row {@code SENDING}, which
 * becomes {@code UNKNOWN}, so it is still never sent twice.
 *
 * <p>
 * Reasons are stored as {@code code: detail} ({@code unreachable}, {@code no-answer}, {@code sender-stopped},
 * {@code blocked}, {@code refused}, {@code rate-limited}, {@code server-error}); the admin translates the code.
 */
@Singleton
@Transactional
public class MailingOutbox {

    /** One recipient of one mailing. */
    public record Delivery(long mailingId, long userId, int attempts) {
    }

    private final JdbcOperations jdbc;

    MailingOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows left {@code SENDING} by a sender that stopped become {@code UNKNOWN}; returns how many. */
    public int recoverInFlight() {
        return jdbc.prepareStatement("""
                UPDATE mailing_recipient SET status = 'UNKNOWN', updated_at = now(),
                    error = 'sender-stopped: maybe delivered, not resent'
                WHERE status = 'SENDING'
                """, ps -> ps.executeUpdate());
    }

    /** Up to {@code limit} pending recipients of running mailings whose time has come; test copies first. */
    public List<Delivery> due(int limit) {
        return jdbc.prepareStatement("""
                SELECT r.mailing_id, r.user_id, r.attempts
                FROM mailing m JOIN mailing_recipient r ON r.mailing_id = m.id
                WHERE m.state = 'RUNNING' AND r.status = 'PENDING' AND r.next_attempt_at <= now()
                ORDER BY m.is_test DESC, m.id, r.next_attempt_at, r.user_id
                LIMIT ?
                """, ps -> {
            ps.setInt(1, limit);
            List<Delivery> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Delivery(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                }
            }
            return out;
        });
    }

    public Optional<MailingContent> content(long mailingId) {
        return jdbc.prepareStatement(
                "SELECT id, text, image_url, button_channel_id, button_text FROM mailing WHERE id = ?", ps -> {
                    ps.setLong(1, mailingId);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new MailingContent(rs.getLong(1), rs.getString(2),
                                rs.getString(3), rs.getObject(4, Long.class), rs.getString(5))) : Optional.empty();
                    }
                });
    }

    /**
     * Marks the recipient {@code SENDING} before the call, if it is still pending and its mailing still running.
     *
     * @return false when it must not be sent (paused, cancelled, or already handled)
     */
    public boolean markSending(Delivery d) {
        return jdbc.prepareStatement("""
                UPDATE mailing_recipient SET status = 'SENDING', attempts = attempts + 1, updated_at = now()
                WHERE mailing_id = ? AND user_id = ? AND status = 'PENDING'
                  AND EXISTS (SELECT 1 FROM mailing m WHERE m.id = mailing_id AND m.state = 'RUNNING')
                """, ps -> {
            ps.setLong(1, d.mailingId());
            ps.setLong(2, d.userId());
            return ps.executeUpdate() == 1;
        });
    }

    public void delivered(Delivery d) {
        finish(d, "DELIVERED", null);
    }

    /** The user blocked the bot (403): final for this mailing, and the user is marked blocked for later ones. */
    public void blocked(Delivery d, String reason) {
        finish(d, "BLOCKED", reason);
        jdbc.prepareStatement("UPDATE telegram_user SET blocked_at = coalesce(blocked_at, now()) WHERE id = ?", ps -> {
            ps.setLong(1, d.userId());
            return ps.executeUpdate();
        });
    }

    public void failed(Delivery d, String reason) {
        finish(d, "FAILED", reason);
    }

    /** The call surely did not deliver (e.g. 429, 5xx): back to pending, not before {@code at}. */
    public void retryAt(Delivery d, Instant at, String reason) {
        relaxCommit();
        jdbc.prepareStatement("""
                UPDATE mailing_recipient SET status = 'PENDING', next_attempt_at = ?, error = ?, updated_at = now()
                WHERE mailing_id = ? AND user_id = ? AND status = 'SENDING'
                """, ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, reason);
            ps.setLong(3, d.mailingId());
            ps.setLong(4, d.userId());
            return ps.executeUpdate();
        });
    }

    /** The call's outcome is not known (timeout, connection lost): reported, never resent. */
    public void unknown(Delivery d, String reason) {
        finish(d, "UNKNOWN", reason);
    }

    /**
     * The call never reached Telegram (connection refused, DNS failure, connect timeout): the recipient is pending
     * again, to be retried, with the reason {@code unreachable: detail}. A test copy ends {@code NOT_SENT} at once, so
     * the admin sees its result.
     */
    public void notSent(Delivery d, String detail) {
        relaxCommit();
        jdbc.prepareStatement("""
                UPDATE mailing_recipient SET updated_at = now(), error = ?, attempts = greatest(attempts - 1, 0),
                    status = CASE WHEN (SELECT is_test FROM mailing m WHERE m.id = mailing_id) THEN 'NOT_SENT'
                                  ELSE 'PENDING' END
                WHERE mailing_id = ? AND user_id = ? AND status = 'SENDING'
                """, ps -> {
            ps.setString(1, "unreachable: " + detail);
            ps.setLong(2, d.mailingId());
            ps.setLong(3, d.userId());
            return ps.executeUpdate();
        });
    }

    /**
     * Telegram is unreachable: every running mailing (test copies aside) is paused with that reason. Returns the ids
     * paused now.
     */
    public List<Long> pauseUnreachable(String detail) {
        return jdbc.prepareStatement("""
                UPDATE mailing SET state = 'PAUSED', pause_reason = 'TELEGRAM_UNREACHABLE', pause_detail = ?,
                    paused_at = now(), telegram_back_at = NULL, version = version + 1
                WHERE state = 'RUNNING' AND NOT is_test RETURNING id
                """, ps -> {
            ps.setString(1, detail);
            List<Long> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** How many mailings are paused because Telegram was unreachable and have not yet seen it answer again. */
    public int waitingForTelegram() {
        return jdbc.prepareStatement("SELECT count(*) FROM mailing WHERE state = 'PAUSED'"
                + " AND pause_reason = 'TELEGRAM_UNREACHABLE' AND telegram_back_at IS NULL", ps -> {
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }

    /**
     * Telegram answered again: mailings paused for being unreachable are resumed ({@code resume}) or marked so that the
     * admin sees Telegram is back. Returns how many mailings changed.
     */
    public int telegramAnswers(boolean resume) {
        String sql = resume ? """
                UPDATE mailing SET state = 'RUNNING', pause_reason = NULL, pause_detail = NULL, telegram_back_at = NULL,
                    version = version + 1
                WHERE state = 'PAUSED' AND pause_reason = 'TELEGRAM_UNREACHABLE'
                """ : """
                UPDATE mailing SET telegram_back_at = now()
                WHERE state = 'PAUSED' AND pause_reason = 'TELEGRAM_UNREACHABLE' AND telegram_back_at IS NULL
                """;
        return jdbc.prepareStatement(sql, ps -> ps.executeUpdate());
    }

    /** Not yet sent because its chat got a message less than a second ago: pending again from {@code at}. */
    public void postpone(Delivery d, Instant at) {
        jdbc.prepareStatement("""
                UPDATE mailing_recipient SET next_attempt_at = ? WHERE mailing_id = ? AND user_id = ?
                  AND status = 'PENDING'
                """, ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, d.mailingId());
            ps.setLong(3, d.userId());
            return ps.executeUpdate();
        });
    }

    /** Running mailings with nothing left to send become {@code DONE}; returns how many. */
    public int completeFinished() {
        return jdbc.prepareStatement("""
                UPDATE mailing m SET state = 'DONE', finished_at = now(), version = version + 1
                WHERE m.state = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM mailing_recipient r
                    WHERE r.mailing_id = m.id AND r.status IN ('PENDING', 'SENDING'))
                """, ps -> ps.executeUpdate());
    }

    private void relaxCommit() {
        jdbc.prepareStatement("SET LOCAL synchronous_commit TO OFF", ps -> ps.execute());
    }

    private void finish(Delivery d, String status, String reason) {
        relaxCommit();
        jdbc.prepareStatement("""
                UPDATE mailing_recipient SET status = ?, error = ?, updated_at = now()
                WHERE mailing_id = ? AND user_id = ? AND status = 'SENDING'
                """, ps -> {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setLong(3, d.mailingId());
            ps.setLong(4, d.userId());
            return ps.executeUpdate();
        });
    }
}
