package io.chanmarket.bot.start;

import io.chanmarket.bot.telegram.BotClient;
import io.chanmarket.bot.telegram.BotSettings;
import io.chanmarket.bot.telegram.BotTexts;
import io.chanmarket.bot.telegram.Replies;
import io.chanmarket.bot.telegram.UpdateHandler;
import io.chanmarket.bot.telegram.Updates;
import io.chanmarket.core.events.Event;
import io.chanmarket.core.events.EventLog;
import io.chanmarket.core.events.EventType;
import io.chanmarket.core.links.StartPayload;
import io.chanmarket.core.links.TrackedLink;
import io.chanmarket.core.links.TrackedLinks;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

/**
 * {@code /start} and {@code /start <payload>}: the welcome with a button that opens the Mini App (at the page the
 * payload names), and the chat menu button set to the Mini App. A tracked-link code counts one arrival here and opens
 * the Mini App at the link's page, so the Mini App does not count it again.
 */
@Singleton
@Requires(property = "app.bot.token", pattern = ".+")
class StartHandler implements UpdateHandler {

    private final BotClient client;
    private final BotSettings settings;
    private final TrackedLinks links;
    private final EventLog events;

    StartHandler(BotClient client, BotSettings settings, TrackedLinks links, EventLog events) {
        this.client = client;
        this.settings = settings;
        this.links = links;
        this.events = events;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean canHandle(Update update) {
        return Updates.isCommand(update, "start");
    }

    @Override
    public void handle(Update update) {
        long chatId = update.getMessage().getChatId();
        long userId = update.getMessage().getFrom().getId();
        String lang = Updates.language(update);
        String raw = Updates.commandArgument(update);
        StartPayload payload = StartPayload.parse(raw);
        String startParam = null;
        String key = "start.welcome";
        if (payload instanceof StartPayload.Page page) {
            startParam = page.startParam();
            key = "start.deep-link";
        } else if (payload instanceof StartPayload.LinkCode code) {
            Optional<TrackedLink> link = links.byCode(code.code());
            if (link.isPresent()) {
                links.recordArrival(link.get().id(), userId);
                events.record(Event.of(EventType.DEEP_LINK_ARRIVAL, userId).withLink(link.get().id(), raw)
                        .withChannel(link.get().channelId()).withCategory(link.get().categoryId()));
                startParam = link.get().channelId() != null
                        ? new StartPayload.Channel(link.get().channelId()).startParam()
                        : link.get().categoryId() != null
                                ? new StartPayload.Category(link.get().categoryId()).startParam() : null;
                key = startParam == null ? "start.welcome" : "start.deep-link";
            } else {
                key = "start.unknown-link";
            }
        } else if (payload instanceof StartPayload.Malformed) {
            key = "start.unknown-link";
        }
        String label = BotTexts.text(lang, "start.open-button");
        client.execute(userId, Replies.withButtons(chatId, BotTexts.text(lang, key),
                List.of(Replies.row(Replies.webApp(label, miniAppUrl(startParam))))));
        client.execute(userId,
                SetChatMenuButton.builder().chatId(chatId)
                        .menuButton(MenuButtonWebApp.builder().text(BotTexts.text(lang, "start.menu-button"))
                                .webAppInfo(new WebAppInfo(miniAppUrl(null))).build())
                        .build());
    }

    /**
     * The Mini App URL, opening the page {@code startParam} names ({@code tgWebAppStartParam}, which the Mini App reads
     * on its first load).
     */
    String miniAppUrl(String startParam) {
        String base = settings.miniAppUrl();
        if (startParam == null) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + "tgWebAppStartParam="
                + URLEncoder.encode(startParam, StandardCharsets.UTF_8);
    }
}
