package io.chanmarket.bot.mailing;

/**
 * Spaces sends evenly at a global rate (no bursts), and holds every send back after a 429 until its {@code retry_after}
 * has passed.
 */
final class Pacer {

    static final int CATCH_UP = 5;

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();
    private long pausedUntil = System.nanoTime();

    Pacer(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next send slot. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(Math.max(now - CATCH_UP * intervalNanos, nextSlot), pausedUntil);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** No send starts before {@code seconds} from now (Telegram's {@code retry_after}). */
    synchronized void pauseFor(long seconds) {
        pausedUntil = Math.max(pausedUntil, System.nanoTime() + seconds * 1_000_000_000L);
        nextSlot = Math.max(nextSlot, pausedUntil);
    }
}
