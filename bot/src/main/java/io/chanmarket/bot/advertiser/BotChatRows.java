package io.chanmarket.bot.advertiser;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

/** {@code bot_chat} rows (Micronaut Data): one per Telegram user talking to the advertiser chat. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface BotChatRows extends GenericRepository<BotChatRows.Row, Long> {

    /** A row as stored; {@code draft} is the JSON of the answers collected so far. */
    @MappedEntity("bot_chat")
    record Row(@Id long userId, @Nullable UUID advertiserId, @Nullable String step, @Nullable String draft) {
    }

    Optional<Row> findById(long userId);

    /** Writes the user's state, whether or not a row exists yet (two updates of one user may race). */
    @Query("""
            INSERT INTO bot_chat (user_id, advertiser_id, step, draft) VALUES (:userId, :advertiserId, :step, :draft)
            ON CONFLICT (user_id) DO UPDATE SET advertiser_id = excluded.advertiser_id, step = excluded.step,
                draft = excluded.draft, updated_at = now()""")
    void upsert(long userId, @Nullable UUID advertiserId, @Nullable String step, @Nullable String draft);
}
