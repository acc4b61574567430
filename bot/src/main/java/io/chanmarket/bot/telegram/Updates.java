package io.chanmarket.bot.telegram;

import io.chanmarket.core.platform.i18n.Languages;
import io.micronaut.core.annotation.Nullable;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/** Small readers of an {@link Update}. */
public final class Updates {

    private Updates() {
    }

    /** Who sent the update, when it has a sender. */
    @Nullable
    public static User sender(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getFrom();
        }
        if (update.hasCallbackQuery()) {
            return update.getCallbackQuery().getFrom();
        }
        if (update.getMyChatMember() != null) {
            return update.getMyChatMember().getFrom();
        }
        return null;
    }

    /** The text of a private-chat message, or null. */
    @Nullable
    public static String privateText(Update update) {
        if (!update.hasMessage() || !update.getMessage().hasText() || update.getMessage().getChat() == null
                || !"private".equals(update.getMessage().getChat().getType())) {
            return null;
        }
        return update.getMessage().getText();
    }

    /** Whether a private message is the command {@code name} ({@code /name}, {@code /name args}, {@code /name@bot}). */
    public static boolean isCommand(Update update, String name) {
        return name.equalsIgnoreCase(command(update));
    }

    /** The command a private message starts with ({@code /login@bot 123} → {@code login}), or null. */
    public static String command(Update update) {
        String text = privateText(update);
        if (text == null || !text.startsWith("/")) {
            return null;
        }
        String first = text.split("\\s+", 2)[0].substring(1);
        int at = first.indexOf('@');
        return at < 0 ? first : first.substring(0, at);
    }

    /** The text after the command, stripped; empty when there is none. */
    public static String commandArgument(Update update) {
        String text = privateText(update);
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }

    /** The language of the sender ({@code ru} or {@code en}). */
    public static String language(Update update) {
        User from = sender(update);
        return from == null ? Languages.DEFAULT : BotTexts.language(from.getLanguageCode());
    }
}
