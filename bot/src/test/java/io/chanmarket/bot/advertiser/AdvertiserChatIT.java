package io.chanmarket.bot.advertiser;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.bot.telegram.BotTexts;
import io.chanmarket.bot.telegram.TelegramStandIn;
import io.chanmarket.bot.telegram.TestUpdates;
import io.chanmarket.core.ads.advertisers.AdvertiserUpsert;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.chatcodes.AdvertiserChatCodes;
import io.chanmarket.core.ads.clock.AdClock;
import io.chanmarket.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The advertiser conversation end to end: the bot polls a Telegram stand-in, the user signs in with a one-time code and
 * creates a campaign step by step; the application is restarted in the middle of the conversation, which goes on where
 * it stopped; the campaign then is in the ad engine, and is edited and deleted from the chat.
 */
class AdvertiserChatIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final TelegramStandIn telegram = new TelegramStandIn("42:TEST");
    private ApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        telegram.close();
    }

    @Test
    void advertiserCreatesEditsAndDeletesACampaignAcrossARestart() {
        app = start();
        long user = 990_001;
        UUID advertiser = UUID.randomUUID();
        app.getBean(Advertisers.class).upsert(List.of(new AdvertiserUpsert(advertiser.toString(), "Acme")));
        String code = app.getBean(AdvertiserChatCodes.class).issue(advertiser.toString()).code();
        int today = app.getBean(AdClock.class).today();

        send(user, "/campaigns");
        expect(user, "login.required");
        send(user, "/login WRONGCODE1");
        expect(user, "login.bad-code");
        send(user, "/login " + code.toLowerCase());
        expect(user, BotTexts.text("en", "login.ok", "Acme"));
        send(user, "/campaigns");
        expect(user, "campaigns.none");

        telegram.push(TestUpdates.callback(user, "en", 1, "cmp:new"));
        expect(user, ask(CampaignField.TITLE));
        send(user, "Spring sale");
        expect(user, ask(CampaignField.TEXT));
        send(user, "Everything at half price");
        expect(user, ask(CampaignField.IMPRESSIONS_LIMIT));
        send(user, "lots");
        expect(user, "input.count");
        send(user, "1000");
        expect(user, ask(CampaignField.CLICKS_LIMIT));

        // Restart in the middle of the conversation: the state is in PostgreSQL.
        app.close();
        app = start();

        send(user, "50");
        expect(user, ask(CampaignField.COST_PER_IMPRESSION));
        send(user, "0,5");
        expect(user, ask(CampaignField.COST_PER_CLICK));
        send(user, "2");
        expect(user, ask(CampaignField.START_DATE));
        send(user, String.valueOf(today));
        expect(user, ask(CampaignField.END_DATE));
        send(user, String.valueOf(today + 7));
        expect(user, ask(CampaignField.GENDER));
        send(user, "somebody");
        expect(user, "input.gender");
        send(user, "female");
        expect(user, ask(CampaignField.AGE_FROM));
        send(user, "18");
        expect(user, ask(CampaignField.AGE_TO));
        send(user, "-");
        expect(user, ask(CampaignField.LOCATION));
        send(user, "-");
        expect(user, "create.done");

        Campaigns campaigns = app.getBean(Campaigns.class);
        List<Campaign> created = campaigns.list(advertiser.toString(), 1, 10);
        assertThat(created).hasSize(1);
        Campaign campaign = created.get(0);
        assertThat(campaign.adTitle()).isEqualTo("Spring sale");
        assertThat(campaign.adText()).isEqualTo("Everything at half price");
        assertThat(campaign.impressionsLimit()).isEqualTo(1000);
        assertThat(campaign.clicksLimit()).isEqualTo(50);
        assertThat(campaign.costPerImpression()).isEqualTo(0.5);
        assertThat(campaign.costPerClick()).isEqualTo(2.0);
        assertThat(campaign.startDate()).isEqualTo(today);
        assertThat(campaign.endDate()).isEqualTo(today + 7);
        assertThat(campaign.targeting().gender()).isEqualTo("FEMALE");
        assertThat(campaign.targeting().ageFrom()).isEqualTo(18);
        assertThat(campaign.targeting().ageTo()).isNull();
        assertThat(campaign.targeting().location()).isNull();
        String id = campaign.campaignId().toString();

        // Edit the price per click; then try to move the start of a started campaign: the engine refuses.
        telegram.push(TestUpdates.callback(user, "en", 2, "cmp:edit:" + id));
        expect(user, "edit.choose");
        telegram.push(
                TestUpdates.callback(user, "en", 3, "cmp:field:" + id + ":" + CampaignField.COST_PER_CLICK.ordinal()));
        expect(user, ask(CampaignField.COST_PER_CLICK));
        send(user, "3.25");
        expect(user, "edit.done");
        assertThat(campaigns.get(campaign.campaignId()).costPerClick()).isEqualTo(3.25);
        telegram.push(TestUpdates.callback(user, "en", 3, "cmp:field:" + id + ":" + CampaignField.END_DATE.ordinal()));
        expect(user, ask(CampaignField.END_DATE));
        send(user, String.valueOf(today + 9));
        expect(user, "engine.started");

        send(user, "/statistics");
        assertThat(awaitTextStartingWith(user, "Statistics, all time")).contains("Impressions: 0");

        telegram.push(TestUpdates.callback(user, "en", 4, "cmp:del:" + id));
        expect(user, BotTexts.text("en", "delete.confirm", "Spring sale"));
        telegram.push(TestUpdates.callback(user, "en", 5, "cmp:delok:" + id));
        expect(user, "delete.done");
        assertThat(campaigns.list(advertiser.toString(), 1, 10)).isEmpty();
        assertThat(telegram.calls("answerCallbackQuery")).hasSizeGreaterThanOrEqualTo(5);

        send(user, "/logout");
        expect(user, "logout.ok");
        send(user, "/campaigns");
        expect(user, "login.required");
        // The code was single-use.
        send(user, "/login " + code);
        expect(user, "login.bad-code");
    }

    private ApplicationContext start() {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties());
        props.put("app.bot.api-url", telegram.url());
        return ApplicationContext.run(props, "test");
    }

    private void send(long user, String text) {
        telegram.push(TestUpdates.message(user, "en", text));
    }

    private static String ask(CampaignField field) {
        String question = BotTexts.text("en", field.questionKey());
        return field.optional ? BotTexts.text("en", "ask.optional", question)
                : BotTexts.text("en", "ask.required", question);
    }

    /** Waits for the next message to {@code user} that is the text {@code keyOrText} (a bundle key or a text). */
    private void expect(long user, String keyOrText) {
        String expected = BotTexts.keys("en").contains(keyOrText) ? BotTexts.text("en", keyOrText) : keyOrText;
        int at = waiting().alias("'" + expected + "' after " + seen + " messages to " + user)
                .until(() -> unseen(user).indexOf(expected), found -> found >= 0);
        seen += at + 1;
    }

    private String awaitTextStartingWith(long user, String prefix) {
        List<String> texts = waiting().alias("a message starting with " + prefix).until(() -> unseen(user),
                unseen -> unseen.stream().anyMatch(text -> text.startsWith(prefix)));
        int at = 0;
        while (!texts.get(at).startsWith(prefix)) {
            at++;
        }
        seen += at + 1;
        return texts.get(at);
    }

    /** The messages to {@code user} after the last one a wait consumed. */
    private List<String> unseen(long user) {
        List<String> texts = telegram.textsTo(user);
        return List.copyOf(texts.subList(Math.min(seen, texts.size()), texts.size()));
    }

    private int seen;

    private static ConditionFactory waiting() {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(25));
    }
}
