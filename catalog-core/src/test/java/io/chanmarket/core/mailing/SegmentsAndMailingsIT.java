package io.chanmarket.core.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.events.Event;
import io.chanmarket.core.events.EventLog;
import io.chanmarket.core.events.EventType;
import io.chanmarket.testing.DatabaseTest;
import io.chanmarket.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Topic segments from open events, manual segments, and a mailing's life from draft to cancel. */
@MicronautTest(transactional = false)
class SegmentsAndMailingsIT implements DatabaseTest {

    private static final AtomicLong USERS = new AtomicLong(80_000_000L);

    @Inject
    Segments segments;
    @Inject
    Mailings mailings;
    @Inject
    MailingOutbox outbox;
    @Inject
    EventLog events;

    @Test
    void usersJoinATopicSegmentOnceTheirOpensOfTheCategoryOrItsChannelsReachTheThreshold() throws Exception {
        long category = category();
        long channel = channel(category);
        long twice = user("ru", false);
        long once = user("ru", false);
        long viaChannel = user("en", false);
        Instant old = Instant.now().minusSeconds(30);
        open(EventType.CATEGORY_OPEN, twice, category, null, old);
        open(EventType.CHANNEL_OPEN, twice, null, channel, old);
        open(EventType.CATEGORY_OPEN, once, category, null, old);
        open(EventType.CHANNEL_OPEN, viaChannel, null, channel, old);
        open(EventType.CHANNEL_OPEN, viaChannel, null, channel, old);
        events.flush(Duration.ofSeconds(5));

        segments.fold();
        assertThat(segments.inTopicSegment(category, twice)).isTrue();
        assertThat(segments.inTopicSegment(category, viaChannel)).isTrue();
        assertThat(segments.inTopicSegment(category, once)).isFalse();

        // A second fold reads only new events: the single open is not counted again.
        segments.fold();
        assertThat(segments.inTopicSegment(category, once)).isFalse();
        open(EventType.CATEGORY_OPEN, once, category, null, old);
        events.flush(Duration.ofSeconds(5));
        segments.fold();
        assertThat(segments.inTopicSegment(category, once)).isTrue();

        Segment topic = segments.list().stream().filter(s -> Long.valueOf(category).equals(s.categoryId())).findFirst()
                .orElseThrow();
        assertThat(topic.kind()).isEqualTo(SegmentKind.AUTO);
        assertThat(topic.size()).isEqualTo(3);

        long englishFans = segments.createManual(new SegmentFilter("English fans", "en", false, 30, category));
        assertThat(segments.audienceSize(List.of(englishFans))).isEqualTo(1);
        assertThat(segments.audienceSize(List.of(englishFans, topic.id()))).isEqualTo(3);
        execute("UPDATE telegram_user SET blocked_at = now() WHERE id = " + twice);
        assertThat(segments.audienceSize(List.of(topic.id()))).isEqualTo(2);
        assertThat(segments.deleteManual(topic.id())).isFalse();
        assertThat(segments.deleteManual(englishFans)).isTrue();
    }

    @Test
    void aMailingSnapshotsItsAudienceAtStartAndCanBePausedResumedAndCancelled() throws Exception {
        String lang = "q" + UUID.randomUUID().toString().substring(0, 4);
        long a = user(lang, true);
        long b = user(lang, false);
        long segment = segments.createManual(new SegmentFilter("Test " + lang, lang, false, null, null));
        long empty = segments.createManual(new SegmentFilter("Nobody", "zz-none", false, null, null));

        long nobody = mailings.create(new MailingDraft("Nobody", "x", null, null, null, List.of(empty)), "admin");
        assertThat(mailings.start(nobody, 0)).isEqualTo(Mailings.Change.EMPTY_AUDIENCE);

        long id = mailings.create(new MailingDraft("Hot", "<b>Hot</b>", null, null, null, List.of(segment)), "admin");
        assertThat(mailings.update(id, 5, new MailingDraft("Hot!", "x", null, null, null, List.of(segment))))
                .isEqualTo(Mailings.Change.STALE);
        assertThat(mailings.start(id, 0)).isEqualTo(Mailings.Change.DONE);
        user(lang, false); // joins after the start: not a recipient
        assertThat(mailings.progress(id).total()).isEqualTo(2);
        assertThat(mailings.update(id, 1, mailings.find(id).orElseThrow().draft()))
                .isEqualTo(Mailings.Change.WRONG_STATE);

        assertThat(mailings.pause(id)).isEqualTo(Mailings.Change.DONE);
        assertThat(outbox.due(100)).noneMatch(d -> d.mailingId() == id);
        assertThat(mailings.resume(id)).isEqualTo(Mailings.Change.DONE);
        MailingOutbox.Delivery first = outbox.due(100).stream().filter(d -> d.mailingId() == id).findFirst()
                .orElseThrow();
        assertThat(outbox.markSending(first)).isTrue();
        assertThat(outbox.markSending(first)).isFalse();
        outbox.delivered(first);

        assertThat(mailings.cancel(id)).isEqualTo(Mailings.Change.DONE);
        assertThat(mailings.resume(id)).isEqualTo(Mailings.Change.WRONG_STATE);
        Progress p = mailings.progress(id);
        assertThat(p.delivered()).isEqualTo(1);
        assertThat(p.cancelled()).isEqualTo(1);
        assertThat(p.percent()).isEqualTo(100);
        assertThat(List.of(a, b)).contains(first.userId());
    }

    @Test
    void aTestCopyGoesToOneUserAndASenderCrashLeavesAnUnknownOutcome() throws Exception {
        long id = mailings.create(new MailingDraft("T", "x", null, null, null, List.of()), "admin");
        long testId = mailings.queueTest(id, 4242L, "admin");
        assertThat(mailings.find(testId).orElseThrow().test()).isTrue();
        assertThat(mailings.list(100)).extracting(Mailing::id).contains(id).doesNotContain(testId);
        MailingOutbox.Delivery d = outbox.due(100).get(0);
        assertThat(d.mailingId()).isEqualTo(testId);
        assertThat(d.userId()).isEqualTo(4242L);
        assertThat(outbox.markSending(d)).isTrue();

        assertThat(outbox.recoverInFlight()).isEqualTo(1); // as when a new sender takes over after a crash
        assertThat(outbox.due(100)).noneMatch(x -> x.mailingId() == testId);
        assertThat(outbox.completeFinished()).isPositive();
        assertThat(mailings.find(testId).orElseThrow().state()).isEqualTo(MailingState.DONE);
        assertThat(mailings.progress(testId).unknown()).isEqualTo(1);
    }

    private void open(EventType type, long user, Long category, Long channel, Instant at) {
        events.record(new Event(type, at, user, category, channel, null, null));
    }

    private static long user(String lang, boolean premium) throws Exception {
        long id = USERS.incrementAndGet();
        execute("INSERT INTO telegram_user (id, first_name, language_code, is_premium) VALUES (" + id + ", 'U', '"
                + lang + "', " + premium + ")");
        return id;
    }

    private static long category() throws Exception {
        return insert("INSERT INTO category (slug, name_ru, name_en) VALUES ('c"
                + UUID.randomUUID().toString().substring(0, 8) + "', 'Тема', 'Topic') RETURNING id");
    }

    private static long channel(long category) throws Exception {
        return insert("INSERT INTO channel (username, title, category_id) VALUES ('m_"
                + UUID.randomUUID().toString().substring(0, 8) + "', 't', " + category + ") RETURNING id");
    }

    private static long insert(String sql) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private static Connection connect() throws Exception {
        var db = TestInfrastructure.database();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }
}
