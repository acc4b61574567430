package io.chanmarket.bot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Handles one intent (a command, a button, a conversation step). The dispatcher asks each in order. */
public interface UpdateHandler {

    /** Position among handlers: lower asks first. */
    default int order() {
        return 100;
    }

    boolean canHandle(Update update);

    void handle(Update update);
}
