package io.chanmarket.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Telegram updates as the Bot API sends them, for tests. */
public final class TestUpdates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestUpdates() {
    }

    public static ObjectNode user(long id, String language) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", id);
        user.put("is_bot", false);
        user.put("first_name", "User" + id);
        user.put("username", "user" + id);
        if (language != null) {
            user.put("language_code", language);
        }
        return user;
    }

    /** A private text message from user {@code userId}. */
    public static ObjectNode message(long userId, String language, String text) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode message = update.putObject("message");
        message.put("message_id", (int) (System.nanoTime() % 1_000_000));
        message.put("date", System.currentTimeMillis() / 1000);
        ObjectNode chat = message.putObject("chat");
        chat.put("id", userId);
        chat.put("type", "private");
        chat.put("first_name", "User" + userId);
        message.set("from", user(userId, language));
        message.put("text", text);
        if (text.startsWith("/")) {
            int length = text.contains(" ") ? text.indexOf(' ') : text.length();
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", length);
        }
        return update;
    }

    /** A press of an inline button with {@code data} under message {@code messageId}. */
    public static ObjectNode callback(long userId, String language, int messageId, String data) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode query = update.putObject("callback_query");
        query.put("id", "cb" + System.nanoTime());
        query.set("from", user(userId, language));
        query.put("chat_instance", "ci" + userId);
        query.put("data", data);
        ObjectNode message = query.putObject("message");
        message.put("message_id", messageId);
        message.put("date", System.currentTimeMillis() / 1000);
        ObjectNode chat = message.putObject("chat");
        chat.put("id", userId);
        chat.put("type", "private");
        message.put("text", "...");
        return update;
    }

    /**
     * {@code my_chat_member}: the user changed the bot's status in their private chat ({@code kicked}/{@code member}).
     */
    public static ObjectNode memberStatus(long userId, String oldStatus, String newStatus) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode change = update.putObject("my_chat_member");
        ObjectNode chat = change.putObject("chat");
        chat.put("id", userId);
        chat.put("type", "private");
        change.set("from", user(userId, "ru"));
        change.put("date", System.currentTimeMillis() / 1000);
        ObjectNode bot = JSON.createObjectNode().put("id", 42).put("is_bot", true).put("first_name", "bot");
        change.putObject("old_chat_member").put("status", oldStatus).set("user", bot);
        change.putObject("new_chat_member").put("status", newStatus).set("user", bot.deepCopy());
        if ("kicked".equals(newStatus)) {
            ((ObjectNode) change.get("new_chat_member")).put("until_date", 0);
        }
        return update;
    }
}
