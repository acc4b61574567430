package io.chanmarket.admin.mailing;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.core.mailing.Mailing;
import io.chanmarket.core.mailing.MailingDraft;
import io.chanmarket.core.mailing.Mailings;
import io.chanmarket.core.mailing.SegmentFilter;
import io.chanmarket.core.mailing.Segments;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Mailing and segment changes made in the admin, each written to the audit log in the same transaction. The admin never
 * sends: starting, pausing, resuming and cancelling change the mailing's state, which the sender (on the bot's lease
 * holder) follows.
 */
@Singleton
@Transactional
public class MailingAdministration {

    private static final String ENTITY = "mailing";

    private final Mailings mailings;
    private final Segments segments;
    private final AuditLog audit;
    private final JdbcOperations jdbc;

    MailingAdministration(Mailings mailings, Segments segments, AuditLog audit, JdbcOperations jdbc) {
        this.mailings = mailings;
        this.segments = segments;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    public long create(AdminPrincipal actor, MailingDraft draft) {
        long id = mailings.create(draft, actor.username());
        audit.record(actor, "CREATE", ENTITY, String.valueOf(id), null, summary(mailings.find(id)));
        return id;
    }

    public Mailings.Change update(AdminPrincipal actor, long id, long version, MailingDraft draft) {
        Optional<Mailing> before = mailings.find(id);
        Mailings.Change change = mailings.update(id, version, draft);
        if (change == Mailings.Change.DONE) {
            audit.record(actor, "UPDATE", ENTITY, String.valueOf(id), summary(before), summary(mailings.find(id)));
        }
        return change;
    }

    /** Starts, pauses, resumes or cancels; {@code action} is one of {@code START, PAUSE, RESUME, CANCEL}. */
    public Mailings.Change act(AdminPrincipal actor, long id, String action, long version) {
        Optional<Mailing> before = mailings.find(id);
        Mailings.Change change = switch (action) {
        case "START" -> mailings.start(id, version);
        case "PAUSE" -> mailings.pause(id);
        case "RESUME" -> mailings.resume(id);
        case "CANCEL" -> mailings.cancel(id);
        default -> throw new IllegalArgumentException(action);
        };
        if (change == Mailings.Change.DONE) {
            audit.record(actor, action, ENTITY, String.valueOf(id), summary(before), summary(mailings.find(id)));
        }
        return change;
    }

    /** Saves the account's Telegram user id and queues a test copy of the mailing for it. */
    public long sendTest(AdminPrincipal actor, long id, long telegramUserId) {
        jdbc.prepareStatement("UPDATE admin_user SET telegram_user_id = ? WHERE id = ?", ps -> {
            ps.setLong(1, telegramUserId);
            ps.setLong(2, actor.id());
            return ps.executeUpdate();
        });
        long testId = mailings.queueTest(id, telegramUserId, actor.username());
        audit.record(actor, "TEST", ENTITY, String.valueOf(id), null,
                Map.of("testMailingId", testId, "telegramUserId", telegramUserId));
        return testId;
    }

    /** The account's Telegram user id, if it has set one. */
    public Optional<Long> telegramUserId(AdminPrincipal actor) {
        return jdbc.prepareStatement("SELECT telegram_user_id FROM admin_user WHERE id = ?", ps -> {
            ps.setLong(1, actor.id());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, Long.class)) : Optional.empty();
            }
        });
    }

    public long createSegment(AdminPrincipal actor, SegmentFilter filter) {
        long id = segments.createManual(filter);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", filter.name());
        after.put("languageCode", filter.languageCode());
        after.put("premiumOnly", filter.premiumOnly());
        after.put("seenWithinDays", filter.seenWithinDays());
        after.put("interestCategoryId", filter.interestCategoryId());
        audit.record(actor, "CREATE", "segment", String.valueOf(id), null, after);
        return id;
    }

    public boolean deleteSegment(AdminPrincipal actor, long id) {
        boolean deleted = segments.deleteManual(id);
        if (deleted) {
            audit.record(actor, "DELETE", "segment", String.valueOf(id), null, null);
        }
        return deleted;
    }

    private static Map<String, Object> summary(Optional<Mailing> mailing) {
        if (mailing.isEmpty()) {
            return null;
        }
        Mailing m = mailing.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", m.title());
        out.put("text", m.text());
        out.put("imageUrl", m.imageUrl());
        out.put("buttonChannelId", m.buttonChannelId());
        out.put("buttonText", m.buttonText());
        out.put("state", m.state().name());
        out.put("segmentIds", m.segmentIds());
        return out;
    }
}
