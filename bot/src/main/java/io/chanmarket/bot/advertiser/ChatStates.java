package io.chanmarket.bot.advertiser;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chanmarket.core.platform.db.Jdbc;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The advertiser chat's state per user, in PostgreSQL ({@code bot_chat}), so a conversation survives a restart. */
@Singleton
class ChatStates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final Jdbc jdbc;

    ChatStates(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    ChatState get(long userId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT advertiser_id, step, draft FROM bot_chat WHERE user_id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return ChatState.empty(userId);
                    }
                    return new ChatState(userId, rs.getObject(1, UUID.class), rs.getString(2), read(rs.getString(3)));
                }
            }
        });
    }

    void save(ChatState state) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO bot_chat (user_id, advertiser_id, step, draft) VALUES (?, ?, ?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET advertiser_id = excluded.advertiser_id, step = excluded.step,
                        draft = excluded.draft, updated_at = now()""")) {
                ps.setLong(1, state.userId());
                ps.setObject(2, state.advertiserId());
                ps.setString(3, state.step());
                ps.setString(4, state.draft().isEmpty() ? null : JSON.writeValueAsString(state.draft()));
                return ps.executeUpdate();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
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
