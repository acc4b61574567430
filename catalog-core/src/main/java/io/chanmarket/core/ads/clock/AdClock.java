package io.chanmarket.core.ads.clock;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.ChangeBus;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;

/**
 * The emulated current day of the ad engine ({@code POST /time/advance}). PostgreSQL holds it; every node keeps it in
 * memory, so serving never reads it from the database. A change is broadcast on the {@link ChangeBus} ({@code day:N})
 * and, as a safety net for a lost message, each node re-reads the database once a second.
 */
@Singleton
@Requires(beans = DataSource.class)
public class AdClock {

    private static final Logger LOG = LoggerFactory.getLogger(AdClock.class);
    private static final String PREFIX = "day:";

    private final ClockRepository repository;
    private final ChangeBus bus;
    private final int maxAdvance;
    private volatile int today;

    AdClock(ClockRepository repository, ChangeBus bus, @Value("${app.ads.time.max-advance-days:365}") int maxAdvance) {
        this.repository = repository;
        this.bus = bus;
        this.maxAdvance = maxAdvance;
        this.today = repository.currentDay();
        bus.subscribe(message -> {
            if (message.startsWith(PREFIX)) {
                moveTo(Integer.parseInt(message.substring(PREFIX.length())));
            }
        });
    }

    /** The current day (0 until the first advance). */
    public int today() {
        return today;
    }

    /**
     * Sets the current day. The day only goes forward, by at most {@code app.ads.time.max-advance-days} (default 365)
     * at a time, so one call cannot end every campaign for good; setting the current day again is allowed and changes
     * nothing.
     *
     * @return the current day after the call
     */
    public int advance(Integer day) {
        if (day == null) {
            throw new AdsException.Invalid("current_date is required");
        }
        if (day < 0) {
            throw new AdsException.Invalid("current_date must be 0 or more");
        }
        int current = repository.currentDay();
        if ((long) day - current > maxAdvance) {
            throw new AdsException.Invalid("current_date may move at most " + maxAdvance
                    + " days ahead of the current day " + current + " at a time");
        }
        if (!repository.advance(day)) {
            throw new AdsException.Conflict(
                    "current_date may only go forward: the current day is " + repository.currentDay());
        }
        moveTo(day);
        bus.publish(PREFIX + day);
        return day;
    }

    private synchronized void moveTo(int day) {
        if (day > today) {
            today = day;
            LOG.info("Ad engine day is now {}", day);
        }
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void reconcile() {
        try {
            moveTo(repository.currentDay());
        } catch (RuntimeException e) {
            LOG.debug("Clock reconcile skipped: {}", e.toString());
        }
    }
}
