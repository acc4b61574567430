package io.chanmarket.bot.telegram;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which update ids were handled ({@code bot_update}), so an update Telegram delivers twice (after a restart
 * before the polling offset was confirmed, or a webhook retry) is handled once.
 */
@Singleton
class HandledUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(HandledUpdates.class);

    private final BotUpdateRows rows;

    HandledUpdates(BotUpdateRows rows) {
        this.rows = rows;
    }

    /** Records the update; false when it had been recorded already. */
    boolean firstTime(int updateId) {
        return rows.record(updateId) == 1;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void prune() {
        try {
            rows.pruneOlderThanADay();
        } catch (RuntimeException e) {
            LOG.debug("Pruning handled updates failed: {}", e.toString());
        }
    }
}
