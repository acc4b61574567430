package io.chanmarket.bot.telegram;

import io.chanmarket.core.platform.db.Jdbc;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which update ids were handled ({@code bot_update}), so an update Telegram delivers twice (after a restart
 * before the polling offset was confirmed, or a webhook retry) is handled once.
 */
@Singleton
class HandledUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(HandledUpdates.class);

    private final Jdbc jdbc;

    HandledUpdates(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the update; false when it had been recorded already. */
    boolean firstTime(int updateId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("INSERT INTO bot_update (update_id) VALUES (?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, updateId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void prune() {
        try {
            jdbc.read(c -> {
                try (PreparedStatement ps = c
                        .prepareStatement("DELETE FROM bot_update WHERE received_at < now() - interval '1 day'")) {
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("Pruning handled updates failed: {}", e.toString());
        }
    }
}
