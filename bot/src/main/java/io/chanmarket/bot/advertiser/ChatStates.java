package io.chanmarket.bot.advertiser;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The advertiser chat's state per user, in PostgreSQL ({@code bot_chat}), so a conversation survives a restart. */
@Singleton
class ChatStates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final BotChatRows rows;

    ChatStates(BotChatRows rows) {
        this.rows = rows;
    }

    ChatState get(long userId) {
        return rows.findById(userId)
                .map(row -> new ChatState(userId, row.advertiserId(), row.step(), read(row.draft())))
                .orElseGet(() -> ChatState.empty(userId));
    }

    void save(ChatState state) {
        try {
            rows.upsert(state.userId(), state.advertiserId(), state.step(),
                    state.draft().isEmpty() ? null : JSON.writeValueAsString(state.draft()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the user in as {@code advertiserId} (null: signs out), forgetting any conversation in progress. */
    void signIn(long userId, UUID advertiserId) {
        save(new ChatState(userId, advertiserId, null, Map.of()));
    }

    private static Map<String, String> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
