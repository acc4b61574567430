package io.chanmarket.core.events;

import io.chanmarket.core.platform.metrics.AppMetrics;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only event log. {@link #record} only queues the event, so requests do not wait for the database; one
 * background thread writes queued events in batches. Nothing is dropped silently: when the queue is full the caller
 * writes its event itself (slower, but kept), a failed batch is retried with growing pauses, and shutdown writes what
 * is still queued (anything that still cannot be written is logged as an error with its count).
 */
@Singleton
public class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final int CAPACITY = 50_000;
    private static final int BATCH = 500;
    private static final String INSERT = "INSERT INTO event_log (occurred_at, type, user_id, category_id, channel_id,"
            + " tracked_link_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final TransactionOperations<Connection> tx;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean stopping;

    EventLog(TransactionOperations<Connection> tx) {
        this.tx = tx;
        this.writer = new Thread(this::run, "event-log-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Counted per type in the metrics (set by the container; absent in a bare instance). */
    private volatile AppMetrics metrics;
    /** Tells the event to the product's listeners (set by the container; absent in a bare instance). */
    private volatile ApplicationEventPublisher<Event> publisher;

    @jakarta.inject.Inject
    void metrics(AppMetrics metrics) {
        this.metrics = metrics;
        metrics.declare(AppMetrics.MINIAPP_EVENTS, "type",
                java.util.Arrays.stream(EventType.values()).map(Enum::name).toList());
    }

    @jakarta.inject.Inject
    void publisher(ApplicationEventPublisher<Event> publisher) {
        this.publisher = publisher;
    }

    /**
     * Queues an event for writing (never blocking on the database unless the queue is full) and tells it to the
     * listeners of {@link Event}, in the caller's thread: a channel opened asks the parsers for fresh numbers.
     */
    public void record(Event event) {
        accepted.incrementAndGet();
        AppMetrics m = metrics;
        if (m != null) {
            m.miniAppEvent(event.type().name());
        }
        if (stopping || !queue.offer(event)) {
            write(List.of(event));
        }
        ApplicationEventPublisher<Event> p = publisher;
        if (p != null) {
            p.publishEvent(event);
        }
    }

    /** Waits until every event recorded so far is in the database (tests, shutdown). */
    public void flush(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        stopping = true;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(10));
        List<Event> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                write(rest);
            } catch (RuntimeException e) {
                LOG.error("{} events could not be written at shutdown: {}", rest.size(), e.getMessage());
            }
        }
    }

    private void run() {
        List<Event> batch = new ArrayList<>(BATCH);
        long pauseMillis = 100;
        while (!stopping || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Event first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                write(batch);
                batch.clear();
                pauseMillis = 100;
            } catch (InterruptedException e) {
                if (stopping) {
                    queue.addAll(batch.subList(0, Math.min(batch.size(), queue.remainingCapacity())));
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("Writing {} events failed, retrying in {} ms: {}", batch.size(), pauseMillis, e.getMessage());
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    if (stopping) {
                        queue.addAll(batch.subList(0, Math.min(batch.size(), queue.remainingCapacity())));
                        return;
                    }
                }
                pauseMillis = Math.min(pauseMillis * 2, 30_000);
            }
        }
    }

    private void write(List<Event> events) {
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(INSERT)) {
                for (Event e : events) {
                    ps.setTimestamp(1, Timestamp.from(e.occurredAt()));
                    ps.setString(2, e.type().name());
                    setLong(ps, 3, e.userId());
                    setLong(ps, 4, e.categoryId());
                    setLong(ps, 5, e.channelId());
                    setLong(ps, 6, e.trackedLinkId());
                    ps.setString(7, e.payload());
                    ps.addBatch();
                }
                return ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("event_log insert failed: " + e.getMessage(), e);
            }
        });
        written.addAndGet(events.size());
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
