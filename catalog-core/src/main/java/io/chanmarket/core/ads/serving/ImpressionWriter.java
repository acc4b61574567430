package io.chanmarket.core.ads.serving;

import io.chanmarket.core.platform.db.Jdbc;
import io.chanmarket.core.platform.metrics.AppMetrics;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for impressions: serving threads queue an impression and wait for its future; a few writer threads each
 * take everything queued (up to {@code app.ads.impression-batch} rows), store it with ONE multi-row
 * {@code INSERT ... ON CONFLICT DO NOTHING} in one commit, and complete the futures. So every impression is durable
 * before its response, while a busy node pays one commit for many requests. The future says whether the row is new
 * (false: the pair was already stored, the primary key being the truth of "counted once").
 */
@Singleton
public class ImpressionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ImpressionWriter.class);
    private static final String INSERT = """
            INSERT INTO ad_impression (campaign_id, client_id, day, cost, ml_score)
            SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::numeric[], ?::int[])
            ON CONFLICT (campaign_id, client_id) DO NOTHING
            RETURNING campaign_id, client_id""";

    record Pending(UUID campaignId, UUID clientId, int day, double cost, int mlScore,
            CompletableFuture<Boolean> stored) {
    }

    private final Jdbc jdbc;
    private final AppMetrics metrics;
    private final int batch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder rows = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder storeNanos = new java.util.concurrent.atomic.LongAdder();

    /** What the writer did so far: batches committed, rows in them, time spent storing them. */
    public record Throughput(long batches, long rows, long storeNanos) {
    }

    public Throughput throughput() {
        return new Throughput(batches.sum(), rows.sum(), storeNanos.sum());
    }

    ImpressionWriter(Jdbc jdbc, @Value("${app.ads.impression-writers:1}") int writers,
            @Value("${app.ads.impression-batch:500}") int batch, AppMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.batch = Math.max(1, batch);
        for (int i = 0; i < Math.max(1, writers); i++) {
            Thread thread = new Thread(this::run, "ads-impression-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            this.writers.add(thread);
        }
    }

    /** Queues one impression; the future completes once it is committed (true) or was already stored (false). */
    CompletableFuture<Boolean> write(UUID campaignId, UUID clientId, int day, double cost, int mlScore) {
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        if (!running) {
            stored.completeExceptionally(new IllegalStateException("impression writer stopped"));
            return stored;
        }
        queue.add(new Pending(campaignId, clientId, day, cost, mlScore, stored));
        return stored;
    }

    private void run() {
        List<Pending> taken = new ArrayList<>(batch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, batch - 1);
                store(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                taken.clear();
            }
        }
    }

    private void store(List<Pending> pending) {
        long start = System.nanoTime();
        try {
            Set<List<UUID>> inserted = jdbc.read(c -> insert(c, pending));
            batches.increment();
            rows.add(pending.size());
            long took = System.nanoTime() - start;
            storeNanos.add(took);
            metrics.impressionCommit(pending.size(), took);
            for (Pending p : pending) {
                p.stored().complete(inserted.contains(List.of(p.campaignId(), p.clientId())));
            }
        } catch (RuntimeException e) {
            LOG.warn("Storing {} impressions failed: {}", pending.size(), e.toString());
            pending.forEach(p -> p.stored().completeExceptionally(e));
        }
    }

    private static Set<List<UUID>> insert(Connection c, List<Pending> pending) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int n = pending.size();
            Object[] campaigns = new Object[n];
            Object[] clients = new Object[n];
            Object[] days = new Object[n];
            Object[] costs = new Object[n];
            Object[] scores = new Object[n];
            for (int i = 0; i < n; i++) {
                Pending p = pending.get(i);
                campaigns[i] = p.campaignId();
                clients[i] = p.clientId();
                days[i] = p.day();
                costs[i] = BigDecimal.valueOf(p.cost());
                scores[i] = p.mlScore();
            }
            ps.setArray(1, c.createArrayOf("uuid", campaigns));
            ps.setArray(2, c.createArrayOf("uuid", clients));
            ps.setArray(3, c.createArrayOf("int4", days));
            ps.setArray(4, c.createArrayOf("numeric", costs));
            ps.setArray(5, c.createArrayOf("int4", scores));
            Set<List<UUID>> inserted = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
                }
            }
            return inserted;
        }
    }

    /** Stops taking impressions after storing everything already queued. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(10_000);
        }
    }
}
