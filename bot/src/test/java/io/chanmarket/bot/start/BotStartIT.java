package io.chanmarket.bot.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.bot.telegram.BotTexts;
import io.chanmarket.bot.telegram.LongPolling;
import io.chanmarket.bot.telegram.TelegramStandIn.Call;
import io.chanmarket.bot.telegram.TelegramStandIn.Reply;
import io.chanmarket.bot.telegram.TelegramStandIn;
import io.chanmarket.bot.telegram.TestUpdates;
import io.chanmarket.bot.telegram.UpdateDispatcher;
import io.chanmarket.core.links.TrackedLinks;
import io.chanmarket.core.platform.shared.Leases;
import io.chanmarket.core.users.TelegramUsers;
import io.chanmarket.testing.DatabaseTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The bot end to end over long polling against a local Telegram stand-in: welcome, deep links, users, blocking. */
@MicronautTest(transactional = false)
class BotStartIT implements DatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicLong USER_IDS = new AtomicLong(700_000);

    private final TelegramStandIn telegram = new TelegramStandIn("42:TEST");

    @Inject
    TelegramUsers users;
    @Inject
    TrackedLinks links;
    @Inject
    LongPolling polling;
    @Inject
    UpdateDispatcher dispatcher;
    @Inject
    Leases leases;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("app.bot.api-url", telegram.url());
    }

    @AfterAll
    void stopStandIn() {
        telegram.close();
    }

    @Test
    void startGreetsInRussianWithMiniAppButtonAndSetsMenuButton() {
        long user = USER_IDS.incrementAndGet();
        telegram.push(TestUpdates.message(user, "ru", "/start"));

        Call reply = awaitMessageTo(user);
        assertThat(reply.text()).isEqualTo(BotTexts.text("ru", "start.welcome"));
        assertThat(reply.params().at("/reply_markup/inline_keyboard/0/0/web_app/url").asText())
                .isEqualTo("https://miniapp.example/app");
        Call menu = awaitCall("setChatMenuButton", user);
        assertThat(menu.params().at("/menu_button/type").asText()).isEqualTo("web_app");
        assertThat(menu.params().at("/menu_button/web_app/url").asText()).isEqualTo("https://miniapp.example/app");
        assertThat(users.exists(user)).isTrue();
        assertThat(polling.polling()).isTrue();
        assertThat(leases.holder(LongPolling.LEASE)).isPresent();
    }

    @Test
    void startGreetsInEnglishForEnglishSpeakers() {
        long user = USER_IDS.incrementAndGet();
        telegram.push(TestUpdates.message(user, "en-US", "/start"));

        assertThat(awaitMessageTo(user).text()).isEqualTo(BotTexts.text("en", "start.welcome"));
    }

    @Test
    void deepLinkOpensTheNamedPage() {
        long user = USER_IDS.incrementAndGet();
        telegram.push(TestUpdates.message(user, "ru", "/start ch_15"));

        Call reply = awaitMessageTo(user);
        assertThat(reply.text()).isEqualTo(BotTexts.text("ru", "start.deep-link"));
        assertThat(reply.params().at("/reply_markup/inline_keyboard/0/0/web_app/url").asText())
                .isEqualTo("https://miniapp.example/app?tgWebAppStartParam=ch_15");
    }

    @Test
    void trackedLinkCountsTheArrivalAndOpensItsPage() throws SQLException {
        long category = insertCategory();
        long link = sql("INSERT INTO tracked_link (code, category_id, label) VALUES ('promo_" + category + "', "
                + category + ", 'test') RETURNING id");
        long user = USER_IDS.incrementAndGet();
        telegram.push(TestUpdates.message(user, "ru", "/start promo_" + category));

        Call reply = awaitMessageTo(user);
        assertThat(reply.params().at("/reply_markup/inline_keyboard/0/0/web_app/url").asText())
                .isEqualTo("https://miniapp.example/app?tgWebAppStartParam=cat_" + category);
        assertThat(links.arrivals(link)).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedPayloadsStillOfferTheCatalog() {
        long user = USER_IDS.incrementAndGet();
        telegram.push(TestUpdates.message(user, "ru", "/start no_such_code"));
        telegram.push(TestUpdates.message(user, "ru", "/start ch_abc"));

        List<Call> replies = awaitMessagesTo(user, 2);
        assertThat(replies).extracting(Call::text).containsOnly(BotTexts.text("ru", "start.unknown-link"));
        assertThat(replies.get(0).params().at("/reply_markup/inline_keyboard/0/0/web_app/url").asText())
                .isEqualTo("https://miniapp.example/app");
    }

    @Test
    void aBadUpdateDoesNotStopPolling() {
        long failuresBefore = dispatcher.failures();
        long user = USER_IDS.incrementAndGet();
        // A /start without a sender: the handler fails on it.
        telegram.pushRaw("{\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":" + user
                + ",\"type\":\"private\"},\"text\":\"/start\"}}");
        // An update of a kind the bot does not know.
        telegram.pushRaw("{\"poll\":{\"id\":\"p\",\"question\":\"?\",\"options\":[],\"total_voter_count\":0,"
                + "\"is_closed\":false,\"is_anonymous\":true,\"type\":\"regular\","
                + "\"allows_multiple_answers\":false}}");
        telegram.push(TestUpdates.message(user, "ru", "/start"));

        assertThat(awaitMessageTo(user).text()).isEqualTo(BotTexts.text("ru", "start.welcome"));
        assertThat(dispatcher.failures()).isGreaterThan(failuresBefore);
    }

    @Test
    void replyWaitsOutTooManyRequestsAndRetriesServerErrors() {
        long user = USER_IDS.incrementAndGet();
        telegram.script("sendMessage", Reply.tooManyRequests(1), Reply.serverError());
        long start = System.nanoTime();
        telegram.push(TestUpdates.message(user, "ru", "/start"));

        List<Call> attempts = awaitMessagesTo(user, 3);
        assertThat(attempts).extracting(Call::text).containsOnly(BotTexts.text("ru", "start.welcome"));
        assertThat(Duration.ofNanos(attempts.get(1).atNanos() - attempts.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(System.nanoTime() - start).isGreaterThan(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void blockAndUnblockAreRecordedOnTheUser() {
        long user = USER_IDS.incrementAndGet();
        telegram.push(TestUpdates.memberStatus(user, "member", "kicked"));
        awaitTrue(() -> users.isBlocked(user));

        telegram.push(TestUpdates.memberStatus(user, "kicked", "member"));
        awaitTrue(() -> !users.isBlocked(user));
        assertThat(users.exists(user)).isTrue();
    }

    @Test
    void aForbiddenReplyMarksTheUserBlocked() {
        long user = USER_IDS.incrementAndGet();
        telegram.script("sendMessage", Reply.blocked());
        telegram.push(TestUpdates.message(user, "ru", "/start"));

        awaitTrue(() -> users.isBlocked(user));
    }

    private Call awaitMessageTo(long chatId) {
        return awaitMessagesTo(chatId, 1).get(0);
    }

    private List<Call> awaitMessagesTo(long chatId, int count) {
        return waiting().alias(count + " messages to " + chatId).until(
                () -> telegram.calls("sendMessage").stream().filter(c -> c.chatId() == chatId).toList(),
                found -> found.size() >= count);
    }

    private Call awaitCall(String method, long chatId) {
        return waiting().alias(method + " to " + chatId)
                .until(() -> telegram.calls(method).stream().filter(c -> c.chatId() == chatId).findFirst(),
                        Optional::isPresent)
                .get();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        waiting().until(condition::getAsBoolean);
    }

    private static ConditionFactory waiting() {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(25));
    }

    private long insertCategory() throws SQLException {
        return sql("INSERT INTO category (slug, name_ru, name_en) VALUES ('bot-test-' || nextval('category_id_seq'),"
                + " 'Тест', 'Test') RETURNING id");
    }

    private long sql(String insertReturningId) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(insertReturningId)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
