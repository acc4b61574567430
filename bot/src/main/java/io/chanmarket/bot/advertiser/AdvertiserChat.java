package io.chanmarket.bot.advertiser;

import io.chanmarket.bot.telegram.BotClient;
import io.chanmarket.bot.telegram.BotTexts;
import io.chanmarket.bot.telegram.Replies;
import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.chatcodes.AdvertiserChatCodes;
import io.chanmarket.core.ads.clock.AdClock;
import io.chanmarket.core.ads.stats.AdStats;
import io.chanmarket.core.ads.stats.DailyStats;
import io.chanmarket.core.ads.stats.Stats;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The advertiser's side of the bot: sign-in with a one-time code, campaigns (list, view, create step by step, edit one
 * field, delete with confirmation), statistics and sign-out. Works through the ad engine's domain API; the engine's
 * refusals are told in plain words. State lives in {@link ChatStates}.
 */
@Singleton
@Requires(property = "app.bot.token", pattern = ".+")
class AdvertiserChat {

    static final String NEW = "new:";
    static final String EDIT = "edit:";
    private static final int LIST_SIZE = 20;
    private static final int DAILY_ROWS = 14;

    private final BotClient client;
    private final ChatStates states;
    private final AdvertiserChatCodes codes;
    private final Advertisers advertisers;
    private final Campaigns campaigns;
    private final AdStats stats;
    private final AdClock clock;

    AdvertiserChat(BotClient client, ChatStates states, AdvertiserChatCodes codes, Advertisers advertisers,
            Campaigns campaigns, AdStats stats, AdClock clock) {
        this.client = client;
        this.states = states;
        this.codes = codes;
        this.advertisers = advertisers;
        this.campaigns = campaigns;
        this.stats = stats;
        this.clock = clock;
    }

    void login(long userId, String lang, String code) {
        if (code.isBlank()) {
            say(userId, lang, "login.usage");
            return;
        }
        Optional<UUID> advertiser = codes.redeem(code, userId);
        if (advertiser.isEmpty()) {
            say(userId, lang, "login.bad-code");
            return;
        }
        states.signIn(userId, advertiser.get());
        say(userId, lang, "login.ok", advertisers.get(advertiser.get()).name());
    }

    void logout(long userId, String lang) {
        states.signIn(userId, null);
        say(userId, lang, "logout.ok");
    }

    void help(long userId, String lang) {
        say(userId, lang, signedIn(userId).isPresent() ? "help.signed-in" : "help.guest");
    }

    void list(long userId, String lang) {
        Optional<UUID> advertiser = requireSignedIn(userId, lang);
        if (advertiser.isEmpty()) {
            return;
        }
        List<Campaign> list = campaigns.list(advertiser.get().toString(), 1, LIST_SIZE);
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Campaign c : list) {
            rows.add(Replies.row(Replies.callback(abbreviate(c.adTitle()), "cmp:view:" + c.campaignId())));
        }
        rows.add(Replies.row(Replies.callback(BotTexts.text(lang, "campaigns.new-button"), "cmp:new")));
        String text = list.isEmpty() ? BotTexts.text(lang, "campaigns.none")
                : BotTexts.text(lang, "campaigns.list", campaigns.count(advertiser.get().toString()));
        client.execute(userId, Replies.withButtons(userId, text, rows));
    }

    void view(long userId, String lang, String campaignId) {
        Optional<UUID> advertiser = requireSignedIn(userId, lang);
        if (advertiser.isEmpty()) {
            return;
        }
        engine(userId, lang, () -> {
            Campaign c = campaigns.get(advertiser.get().toString(), campaignId);
            Stats s = stats.campaign(campaignId);
            String text = describe(lang, c) + "\n\n" + BotTexts.text(lang, "stats.line", s.impressionsCount(),
                    s.clicksCount(), s.conversion(), s.spentTotal());
            client.execute(userId, Replies.withButtons(userId, text, List.of(
                    Replies.row(Replies.callback(BotTexts.text(lang, "campaign.edit-button"), "cmp:edit:" + campaignId),
                            Replies.callback(BotTexts.text(lang, "campaign.delete-button"), "cmp:del:" + campaignId)),
                    Replies.row(Replies.callback(BotTexts.text(lang, "campaign.back-button"), "cmp:list")))));
        });
    }

    void startCreate(long userId, String lang) {
        Optional<UUID> advertiser = requireSignedIn(userId, lang);
        if (advertiser.isEmpty()) {
            return;
        }
        states.save(new ChatState(userId, advertiser.get(), NEW + CampaignField.TITLE.name(), Map.of()));
        say(userId, lang, "create.intro", clock.today());
        ask(userId, lang, CampaignField.TITLE);
    }

    void chooseField(long userId, String lang, String campaignId) {
        if (requireSignedIn(userId, lang).isEmpty()) {
            return;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (CampaignField field : CampaignField.values()) {
            row.add(Replies.callback(BotTexts.text(lang, field.nameKey()),
                    "cmp:field:" + campaignId + ":" + field.ordinal()));
            if (row.size() == 2) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        client.execute(userId, Replies.withButtons(userId, BotTexts.text(lang, "edit.choose"), rows));
    }

    void startEdit(long userId, String lang, String campaignId, int fieldOrdinal) {
        Optional<UUID> advertiser = requireSignedIn(userId, lang);
        if (advertiser.isEmpty() || fieldOrdinal < 0 || fieldOrdinal >= CampaignField.values().length) {
            return;
        }
        CampaignField field = CampaignField.values()[fieldOrdinal];
        engine(userId, lang, () -> {
            Campaign c = campaigns.get(advertiser.get().toString(), campaignId);
            states.save(new ChatState(userId, advertiser.get(), EDIT + c.campaignId() + ":" + field.name(), Map.of()));
            ask(userId, lang, field);
        });
    }

    void confirmDelete(long userId, String lang, String campaignId) {
        Optional<UUID> advertiser = requireSignedIn(userId, lang);
        if (advertiser.isEmpty()) {
            return;
        }
        engine(userId, lang, () -> {
            Campaign c = campaigns.get(advertiser.get().toString(), campaignId);
            client.execute(userId,
                    Replies.withButtons(userId, BotTexts.text(lang, "delete.confirm", c.adTitle()), List.of(Replies.row(
                            Replies.callback(BotTexts.text(lang, "delete.yes-button"), "cmp:delok:" + campaignId),
                            Replies.callback(BotTexts.text(lang, "delete.no-button"), "cmp:view:" + campaignId)))));
        });
    }

    void delete(long userId, String lang, String campaignId) {
        Optional<UUID> advertiser = requireSignedIn(userId, lang);
        if (advertiser.isEmpty()) {
            return;
        }
        engine(userId, lang, () -> {
            campaigns.delete(advertiser.get().toString(), campaignId);
            say(userId, lang, "delete.done");
        });
    }

    void statistics(long userId, String lang) {
        Optional<UUID> advertiser = requireSignedIn(userId, lang);
        if (advertiser.isEmpty()) {
            return;
        }
        Stats total = stats.advertiser(advertiser.get().toString());
        List<DailyStats> daily = stats.advertiserDaily(advertiser.get().toString());
        StringBuilder text = new StringBuilder(
                BotTexts.text(lang, "stats.total", total.impressionsCount(), total.clicksCount(), total.conversion(),
                        total.spentImpressions(), total.spentClicks(), total.spentTotal()));
        if (daily.isEmpty()) {
            text.append("\n\n").append(BotTexts.text(lang, "stats.no-days"));
        } else {
            text.append("\n\n").append(BotTexts.text(lang, "stats.days"));
            for (DailyStats day : daily.subList(Math.max(0, daily.size() - DAILY_ROWS), daily.size())) {
                text.append('\n').append(BotTexts.text(lang, "stats.day", day.date(), day.impressionsCount(),
                        day.clicksCount(), day.spentTotal()));
            }
        }
        client.execute(userId, Replies.text(userId, text.toString()));
    }

    /** Whether the user has a conversation step waiting for an answer. */
    boolean waitingForAnswer(long userId) {
        return states.get(userId).step() != null;
    }

    void cancel(long userId, String lang) {
        ChatState state = states.get(userId);
        states.save(new ChatState(userId, state.advertiserId(), null, Map.of()));
        say(userId, lang, "cancel.ok");
    }

    /** An answer to the current step. */
    void answer(long userId, String lang, String input) {
        ChatState state = states.get(userId);
        if (state.step() == null || state.advertiserId() == null) {
            say(userId, lang, "unknown");
            return;
        }
        boolean creating = state.step().startsWith(NEW);
        String[] parts = state.step().split(":");
        CampaignField field = CampaignField.valueOf(parts[parts.length - 1]);
        String value;
        try {
            value = field.parse(input);
        } catch (CampaignField.BadInput e) {
            say(userId, lang, e.key);
            ask(userId, lang, field);
            return;
        }
        if (creating) {
            Map<String, String> draft = new LinkedHashMap<>(state.draft());
            if (value != null) {
                draft.put(field.name(), value);
            }
            int next = field.ordinal() + 1;
            if (next < CampaignField.values().length) {
                CampaignField nextField = CampaignField.values()[next];
                states.save(new ChatState(userId, state.advertiserId(), NEW + nextField.name(), draft));
                ask(userId, lang, nextField);
                return;
            }
            states.save(new ChatState(userId, state.advertiserId(), null, Map.of()));
            engine(userId, lang, () -> {
                Campaign created = campaigns.create(state.advertiserId().toString(), CampaignField.draft(draft));
                say(userId, lang, "create.done");
                view(userId, lang, created.campaignId().toString());
            });
        } else {
            String campaignId = parts[1];
            states.save(new ChatState(userId, state.advertiserId(), null, Map.of()));
            engine(userId, lang, () -> {
                Campaign current = campaigns.get(state.advertiserId().toString(), campaignId);
                Map<String, String> answers = CampaignField.answers(current);
                if (value == null) {
                    answers.remove(field.name());
                } else {
                    answers.put(field.name(), value);
                }
                campaigns.update(state.advertiserId().toString(), campaignId, CampaignField.draft(answers));
                say(userId, lang, "edit.done");
                view(userId, lang, campaignId);
            });
        }
    }

    private void ask(long userId, String lang, CampaignField field) {
        String question = BotTexts.text(lang, field.questionKey());
        say(userId, lang, field.optional ? "ask.optional" : "ask.required", question);
    }

    private String describe(String lang, Campaign c) {
        String none = BotTexts.text(lang, "campaign.any");
        return BotTexts.text(lang, "campaign.card", c.adTitle(), c.adText(), c.startDate(), c.endDate(),
                c.impressionsLimit(), c.clicksLimit(), c.costPerImpression(), c.costPerClick(),
                c.targeting().gender() == null ? none : c.targeting().gender(),
                c.targeting().ageFrom() == null ? none : c.targeting().ageFrom(),
                c.targeting().ageTo() == null ? none : c.targeting().ageTo(),
                c.targeting().location() == null ? none : c.targeting().location());
    }

    /** Runs an engine call, telling its refusal in plain words. */
    private void engine(long userId, String lang, Runnable call) {
        try {
            call.run();
        } catch (AdsException.NotFound e) {
            say(userId, lang, "engine.not-found");
        } catch (AdsException.Conflict e) {
            say(userId, lang, "engine.started");
        } catch (AdsException.Invalid e) {
            say(userId, lang, "engine.invalid", e.getMessage());
        }
    }

    private Optional<UUID> signedIn(long userId) {
        UUID advertiser = states.get(userId).advertiserId();
        return advertiser == null ? Optional.empty() : advertisers.find(advertiser).map(a -> advertiser);
    }

    private Optional<UUID> requireSignedIn(long userId, String lang) {
        Optional<UUID> advertiser = signedIn(userId);
        if (advertiser.isEmpty()) {
            say(userId, lang, "login.required");
        }
        return advertiser;
    }

    private void say(long userId, String lang, String key, Object... args) {
        client.execute(userId, Replies.text(userId, BotTexts.text(lang, key, args)));
    }

    private static String abbreviate(String title) {
        return title.length() > 40 ? title.substring(0, 40) + "…" : title;
    }

    static List<String> callbackParts(String data) {
        return Arrays.asList(data.split(":"));
    }
}
