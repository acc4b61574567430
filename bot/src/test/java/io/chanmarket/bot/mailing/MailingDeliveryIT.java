package io.chanmarket.bot.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.bot.telegram.TelegramStandIn.Call;
import io.chanmarket.bot.telegram.TelegramStandIn.Reply;
import io.chanmarket.bot.telegram.TelegramStandIn;
import io.chanmarket.core.mailing.Mailing;
import io.chanmarket.core.mailing.MailingDraft;
import io.chanmarket.core.mailing.MailingState;
import io.chanmarket.core.mailing.Mailings;
import io.chanmarket.core.mailing.Progress;
import io.chanmarket.core.mailing.SegmentFilter;
import io.chanmarket.core.mailing.Segments;
import io.chanmarket.testing.DatabaseTest;
import io.chanmarket.testing.TestInfrastructure;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A 3,000-recipient mailing against the Telegram stand-in enforcing 30 messages/s (answering 429 beyond it), sent by a
 * sender in a separate JVM. Part-way, Telegram becomes unreachable (connections refused): the mailing pauses itself
 * with that reason, the recipients it could not reach stay pending (not sent, not unknown), a test copy sent meanwhile
 * ends "not sent"; Telegram comes back, the sender notices, an admin resumes; then the sender is killed (SIGKILL) and
 * restarted: every recipient gets exactly one message except the reported unknown outcomes (at most the calls in flight
 * at the kill), nobody gets two, blocked users are marked, and the outage is logged once. Prints the delivery rate
 * after the restart.
 */
@MicronautTest(transactional = false)
class MailingDeliveryIT implements DatabaseTest {

    private static final int RECIPIENTS = 3_000;
    private static final long FIRST_USER = 50_000_000L;
    private static final int MAX_IN_FLIGHT = 16;

    private final TelegramStandIn telegram = new TelegramStandIn("42:TEST");

    @Inject
    Mailings mailings;
    @Inject
    Segments segments;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> extraProperties() {
        // This context only composes and checks; the sender runs in separate JVMs.
        return Map.of("app.bot.api-url", telegram.url(), "app.roles.mailing-sender", "false", "app.roles.bot", "false");
    }

    @AfterAll
    void stopStandIn() {
        telegram.close();
    }

    @Test
    void everyRecipientGetsOneMessageAcrossASenderKill() throws Exception {
        insertUsers(RECIPIENTS, "mt");
        Set<Long> blocked = new HashSet<>();
        for (long id = FIRST_USER; id < FIRST_USER + RECIPIENTS; id += 100) {
            blocked.add(id);
            telegram.block(id);
        }
        telegram.limitRate(30);
        telegram.sendLatency(Duration.ofMillis(150));
        telegram.script("sendMessage", Reply.tooManyRequests(1), Reply.tooManyRequests(2));
        long segment = segments.createManual(new SegmentFilter("Maltese speakers", "mt", false, null, null));
        assertThat(segments.audienceSize(List.of(segment))).isEqualTo(RECIPIENTS);
        long id = mailings.create(
                new MailingDraft("Hot slot", "<b>Hot slot</b> in a channel", null, null, null, List.of(segment)),
                "test");
        assertThat(mailings.start(id, 0)).isEqualTo(Mailings.Change.DONE);

        java.nio.file.Files.deleteIfExists(SenderProcess.logFile("sender-1.log"));
        Process first = startSender("sender-1.log");
        try {
            awaitDelivered(id, 600, Duration.ofSeconds(120));
            telegram.goDown(); // calls being answered still get their answers
            await(Duration.ofSeconds(60), () -> mailings.find(id).orElseThrow().pausedUnreachable(), "paused");
            int acceptedAtOutage = settled(() -> telegram.accepted().size()); // calls in flight get their answers

            Mailing paused = mailings.find(id).orElseThrow();
            assertThat(paused.pauseDetail()).contains("connection refused");
            long test = mailings.queueTest(id, FIRST_USER + 1, "test");
            await(Duration.ofSeconds(30), () -> mailings.find(test).orElseThrow().state() == MailingState.DONE,
                    "test copy finished");
            Mailings.TestSend testSend = mailings.tests(id, 10).get(0);
            assertThat(testSend.status()).isEqualTo("NOT_SENT");
            assertThat(testSend.reason()).startsWith("unreachable: connection refused");
            Progress duringOutage = mailings.progress(id);
            assertThat(duringOutage.waitingAfterUnreachable()).isPositive();
            assertThat(duringOutage.unknown()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
            assertThat(duringOutage.pending()).isGreaterThanOrEqualTo(RECIPIENTS - acceptedAtOutage - MAX_IN_FLIGHT);
            // the sender keeps probing an unreachable Telegram meanwhile: nothing is sent, the mailing stays paused
            Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> mailings.find(id).orElseThrow().state() == MailingState.PAUSED
                            && telegram.accepted().size() == acceptedAtOutage);

            telegram.comeBack();
            await(Duration.ofSeconds(30), () -> mailings.find(id).orElseThrow().telegramBackAt() != null,
                    "Telegram seen back");
            assertThat(mailings.find(id).orElseThrow().state()).as("no auto-resume by default")
                    .isEqualTo(MailingState.PAUSED);
            assertThat(mailings.resume(id)).isEqualTo(Mailings.Change.DONE);
            awaitDelivered(id, 1200, Duration.ofSeconds(120));
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, calls in flight are cut off
        }
        Progress atKill = mailings.progress(id);
        assertThat(atKill.pending()).isPositive();

        int acceptedBeforeRestart = telegram.accepted().size();
        Process second = startSender("sender-2.log");
        try {
            awaitState(id, MailingState.DONE, Duration.ofSeconds(240));
        } finally {
            second.destroy();
            second.waitFor();
        }

        Progress report = mailings.progress(id);
        List<Call> accepted = telegram.accepted();
        Map<Long, Long> perChat = accepted.stream().collect(Collectors.groupingBy(Call::chatId, Collectors.counting()));
        Map<Long, String> status = statuses(id);

        assertThat(report.total()).isEqualTo(RECIPIENTS);
        assertThat(report.pending() + report.sending() + report.failed() + report.cancelled()).isZero();
        assertThat(report.blocked()).isEqualTo(blocked.size());
        assertThat(report.unknown()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
        assertThat(report.delivered() + report.unknown() + report.blocked()).isEqualTo(RECIPIENTS);
        assertThat(perChat.values()).allMatch(n -> n == 1); // no duplicates
        status.forEach((user, s) -> {
            switch (s) {
            case "DELIVERED" -> assertThat(perChat.get(user)).as("delivered to %d", user).isEqualTo(1L);
            case "BLOCKED" -> assertThat(blocked).contains(user);
            case "UNKNOWN" -> assertThat(perChat.getOrDefault(user, 0L)).isLessThanOrEqualTo(1L);
            default -> throw new AssertionError(user + " ended " + s);
            }
        });
        assertThat(blockedInUserTable()).containsExactlyInAnyOrderElementsOf(blocked);
        assertThat(telegram.calls("sendMessage").size() - accepted.size() - blocked.size()).as("429 answers")
                .isGreaterThanOrEqualTo(2);
        String log = java.nio.file.Files.readString(SenderProcess.logFile("sender-1.log"));
        assertThat(log.split("Telegram unreachable: ", -1).length - 1).as("outage logged once").isEqualTo(1);
        assertThat(log).contains("Telegram answers again");

        List<Call> afterRestart = accepted.subList(acceptedBeforeRestart, accepted.size());
        double seconds = (afterRestart.get(afterRestart.size() - 1).atNanos() - afterRestart.get(0).atNanos()) / 1e9;
        System.out.printf(
                "MAILING: %d recipients, %d delivered, %d blocked, %d unknown, %d rate-limit 429s;"
                        + " after the restart %d messages in %.1f s = %.2f msg/s%n",
                report.total(), report.delivered(), report.blocked(), report.unknown(), telegram.rateLimited(),
                afterRestart.size(), seconds, (afterRestart.size() - 1) / seconds);
    }

    private Process startSender(String log) throws Exception {
        Map<String, String> settings = new HashMap<>(TestInfrastructure.databaseProperties());
        settings.put("app.bot.api-url", telegram.url());
        settings.put("app.roles.bot", "false");
        settings.put("app.mailing.max-in-flight", String.valueOf(MAX_IN_FLIGHT));
        settings.put("app.mailing.probe-every", "500ms");
        settings.put("app.mailing.connect-timeout", "2s");
        settings.put("datasources.default.maximum-pool-size", "20");
        return SenderProcess.start(settings, SenderProcess.logFile(log));
    }

    private void insertUsers(int count, String language) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement ps = c
                .prepareStatement("INSERT INTO telegram_user (id, first_name, language_code) VALUES (?, 'User', ?)")) {
            for (int i = 0; i < count; i++) {
                ps.setLong(1, FIRST_USER + i);
                ps.setString(2, language);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void awaitDelivered(long id, long delivered, Duration timeout) throws InterruptedException {
        await(timeout, () -> mailings.progress(id).delivered() >= delivered, "delivered " + delivered);
    }

    private void awaitState(long id, MailingState state, Duration timeout) throws InterruptedException {
        await(timeout, () -> mailings.find(id).orElseThrow().state() == state, "state " + state);
    }

    private void await(Duration timeout, java.util.function.BooleanSupplier done, String what) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).alias(what).until(done::getAsBoolean);
    }

    /** {@code count} once it has not moved for 1.2 s. */
    private static int settled(java.util.function.IntSupplier count) {
        int[] last = { -1 };
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1200)).until(() -> {
            int now = count.getAsInt();
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
        return last[0];
    }

    private Map<Long, String> statuses(long id) throws Exception {
        Map<Long, String> out = new HashMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement ps = c
                .prepareStatement("SELECT user_id, status FROM mailing_recipient WHERE mailing_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private Set<Long> blockedInUserTable() throws Exception {
        Set<Long> out = new HashSet<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement ps = c
                .prepareStatement("SELECT id FROM telegram_user WHERE blocked_at IS NOT NULL AND id >= ? AND id < ?")) {
            ps.setLong(1, FIRST_USER);
            ps.setLong(2, FIRST_USER + RECIPIENTS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

}
