package io.chanmarket.bot.start;

import io.chanmarket.bot.telegram.UpdateDispatcher;
import io.chanmarket.bot.telegram.UpdateHandler;
import io.chanmarket.core.users.TelegramUsers;
import jakarta.inject.Singleton;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;

/**
 * {@code my_chat_member} in a private chat: the user blocked the bot (new status {@code kicked}) or unblocked it
 * (status {@code member}). Stored on the user, in the same table the Mini App uses.
 */
@Singleton
class MemberStatusHandler implements UpdateHandler {

    private final TelegramUsers users;

    MemberStatusHandler(TelegramUsers users) {
        this.users = users;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public boolean canHandle(Update update) {
        ChatMemberUpdated change = update.getMyChatMember();
        return change != null && change.getChat() != null && "private".equals(change.getChat().getType())
                && change.getNewChatMember() != null && change.getFrom() != null;
    }

    @Override
    public void handle(Update update) {
        ChatMemberUpdated change = update.getMyChatMember();
        String status = change.getNewChatMember().getStatus();
        if ("kicked".equals(status)) {
            users.setBlocked(UpdateDispatcher.user(change.getFrom()), true);
        } else if ("member".equals(status)) {
            users.setBlocked(UpdateDispatcher.user(change.getFrom()), false);
        }
    }
}
