package io.chanmarket.bot.telegram;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** {@code bot_update} rows (Micronaut Data): the ids of the updates handled in the last day. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface BotUpdateRows extends GenericRepository<BotUpdateRows.Row, Long> {

    @MappedEntity("bot_update")
    record Row(@Id long updateId) {
    }

    /** Records the id; 0 rows when it had been recorded already. */
    @Query("INSERT INTO bot_update (update_id) VALUES (:updateId) ON CONFLICT DO NOTHING")
    int record(long updateId);

    @Query("DELETE FROM bot_update WHERE received_at < now() - interval '1 day'")
    int pruneOlderThanADay();
}
