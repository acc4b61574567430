package io.chanmarket.bot.telegram;

import io.chanmarket.core.users.TelegramUser;
import io.chanmarket.core.users.TelegramUsers;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * Routes every update to the first handler that can handle it, after recording its sender. An update delivered again is
 * skipped. Whatever goes wrong with one update is logged and swallowed here, so one bad update never stops polling or
 * the webhook.
 */
@Singleton
public class UpdateDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final List<UpdateHandler> handlers;
    private final TelegramUsers users;
    private final HandledUpdates handled;
    private final AtomicLong failures = new AtomicLong();

    UpdateDispatcher(List<UpdateHandler> handlers, TelegramUsers users, HandledUpdates handled) {
        this.handled = handled;
        this.handlers = handlers.stream().sorted(Comparator.comparingInt(UpdateHandler::order)).toList();
        this.users = users;
    }

    public void dispatchAll(List<Update> updates) {
        if (updates != null) {
            updates.forEach(this::dispatch);
        }
    }

    public void dispatch(Update update) {
        try {
            if (update == null || update.getUpdateId() != null && !handled.firstTime(update.getUpdateId())) {
                return;
            }
            User from = Updates.sender(update);
            if (from != null && !Boolean.TRUE.equals(from.getIsBot())) {
                users.seen(user(from));
            }
            for (UpdateHandler handler : handlers) {
                if (handler.canHandle(update)) {
                    handler.handle(update);
                    return;
                }
            }
        } catch (Throwable e) {
            failures.incrementAndGet();
            LOG.warn("Update {} failed: {}", update == null ? null : update.getUpdateId(), e.toString(), e);
        }
    }

    /** How many updates failed since start. */
    public long failures() {
        return failures.get();
    }

    public static TelegramUser user(User from) {
        String first = from.getFirstName() == null || from.getFirstName().isBlank() ? "?" : from.getFirstName();
        return new TelegramUser(from.getId(), first, from.getLastName(), from.getUserName(), from.getLanguageCode(),
                Boolean.TRUE.equals(from.getIsPremium()));
    }
}
