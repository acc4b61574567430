package io.chanmarket.bot.mailing;

import org.slf4j.Logger;

/**
 * Whether Telegram answered the last call, logged once per change: the first failure of an outage (and a different
 * failure during it) is a warning, the first answer after it an info line; repeated failures are not logged again.
 */
final class TelegramHealth {

    private final Logger log;
    private String failure;

    TelegramHealth(Logger log) {
        this.log = log;
    }

    synchronized void unreachable(String detail) {
        if (!detail.equals(failure)) {
            log.warn("Telegram unreachable: {}", detail);
            failure = detail;
        }
    }

    synchronized void answered() {
        if (failure != null) {
            log.info("Telegram answers again (it was unreachable: {})", failure);
            failure = null;
        }
    }

    synchronized boolean reachable() {
        return failure == null;
    }
}
