package io.chanmarket.bot.advertiser;

import io.chanmarket.bot.telegram.UpdateHandler;
import io.chanmarket.bot.telegram.Updates;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The advertiser chat's handlers: its commands, answers to a waiting question, campaign buttons, the fallback. */
final class AdvertiserCommands {

    private AdvertiserCommands() {
    }

    /** What a command does: for the user, in the language, with the text after the command. */
    private interface Action {
        void run(AdvertiserChat chat, long user, String language, String argument);
    }

    /**
     * The chat's commands: {@code /login <code>} (sign in as the advertiser the one-time code was issued for),
     * {@code /logout}, {@code /help}, {@code /campaigns}, {@code /statistics} and {@code /cancel}.
     */
    @Singleton
    @Requires(property = "app.bot.token", pattern = ".+")
    static class Commands implements UpdateHandler {
        private static final Map<String, Action> ACTIONS = Map.of("login",
                (chat, user, lang, argument) -> chat.login(user, lang, argument), "logout",
                (chat, user, lang, argument) -> chat.logout(user, lang), "help",
                (chat, user, lang, argument) -> chat.help(user, lang), "campaigns",
                (chat, user, lang, argument) -> chat.list(user, lang), "statistics",
                (chat, user, lang, argument) -> chat.statistics(user, lang), "cancel",
                (chat, user, lang, argument) -> chat.cancel(user, lang));

        private final AdvertiserChat chat;

        Commands(AdvertiserChat chat) {
            this.chat = chat;
        }

        @Override
        public int order() {
            return 20;
        }

        @Override
        public boolean canHandle(Update update) {
            return action(update) != null;
        }

        @Override
        public void handle(Update update) {
            action(update).run(chat, update.getMessage().getFrom().getId(), Updates.language(update),
                    Updates.commandArgument(update));
        }

        private static Action action(Update update) {
            String command = Updates.command(update);
            return command == null ? null : ACTIONS.get(command.toLowerCase(Locale.ROOT));
        }
    }

    /** Plain text while a conversation step waits for an answer. */
    @Singleton
    @Requires(property = "app.bot.token", pattern = ".+")
    static class Answer implements UpdateHandler {
        private final AdvertiserChat chat;

        Answer(AdvertiserChat chat) {
            this.chat = chat;
        }

        @Override
        public int order() {
            return 50;
        }

        @Override
        public boolean canHandle(Update update) {
            String text = Updates.privateText(update);
            return text != null && !text.startsWith("/") && update.getMessage().getFrom() != null
                    && chat.waitingForAnswer(update.getMessage().getFrom().getId());
        }

        @Override
        public void handle(Update update) {
            chat.answer(update.getMessage().getFrom().getId(), Updates.language(update), update.getMessage().getText());
        }
    }

    /** The campaign buttons ({@code cmp:...} callback data). */
    @Singleton
    @Requires(property = "app.bot.token", pattern = ".+")
    static class CampaignButtons implements UpdateHandler {
        private final AdvertiserChat chat;
        private final io.chanmarket.bot.telegram.BotClient client;

        CampaignButtons(AdvertiserChat chat, io.chanmarket.bot.telegram.BotClient client) {
            this.chat = chat;
            this.client = client;
        }

        @Override
        public boolean canHandle(Update update) {
            return update.hasCallbackQuery() && update.getCallbackQuery().getData() != null
                    && update.getCallbackQuery().getData().startsWith("cmp:");
        }

        @Override
        public void handle(Update update) {
            var query = update.getCallbackQuery();
            long userId = query.getFrom().getId();
            String lang = Updates.language(update);
            client.execute(userId, org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery.builder()
                    .callbackQueryId(query.getId()).build());
            var parts = AdvertiserChat.callbackParts(query.getData());
            String action = parts.size() > 1 ? parts.get(1) : "";
            String id = parts.size() > 2 ? parts.get(2) : "";
            switch (action) {
            case "list" -> chat.list(userId, lang);
            case "new" -> chat.startCreate(userId, lang);
            case "view" -> chat.view(userId, lang, id);
            case "edit" -> chat.chooseField(userId, lang, id);
            case "field" -> chat.startEdit(userId, lang, id, parts.size() > 3 ? parseInt(parts.get(3)) : -1);
            case "del" -> chat.confirmDelete(userId, lang, id);
            case "delok" -> chat.delete(userId, lang, id);
            default -> {
            }
            }
        }

        private static int parseInt(String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** Any other private text: a short pointer to /help. */
    @Singleton
    @Requires(property = "app.bot.token", pattern = ".+")
    static class Fallback implements UpdateHandler {
        private final AdvertiserChat chat;

        Fallback(AdvertiserChat chat) {
            this.chat = chat;
        }

        @Override
        public int order() {
            return 1000;
        }

        @Override
        public boolean canHandle(Update update) {
            return Updates.privateText(update) != null && update.getMessage().getFrom() != null;
        }

        @Override
        public void handle(Update update) {
            chat.help(update.getMessage().getFrom().getId(), Updates.language(update));
        }
    }
}
