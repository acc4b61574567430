package io.chanmarket.bot.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

/** Builders for the bot's messages and buttons. */
public final class Replies {

    private Replies() {
    }

    public static SendMessage text(long chatId, String text) {
        return SendMessage.builder().chatId(chatId).text(text).build();
    }

    public static SendMessage withButtons(long chatId, String text, List<InlineKeyboardRow> rows) {
        return SendMessage.builder().chatId(chatId).text(text)
                .replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build()).build();
    }

    public static InlineKeyboardButton webApp(String label, String url) {
        return InlineKeyboardButton.builder().text(label).webApp(new WebAppInfo(url)).build();
    }

    public static InlineKeyboardButton callback(String label, String data) {
        return InlineKeyboardButton.builder().text(label).callbackData(data).build();
    }

    public static InlineKeyboardRow row(InlineKeyboardButton... buttons) {
        return new InlineKeyboardRow(buttons);
    }
}
