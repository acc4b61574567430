package io.chanmarket.core.ads.llm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ad_text_task} rows (Micronaut Data): a task is stored pending and finished once, by its worker or the sweep.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AdTextTaskRepository extends GenericRepository<AdTextTaskRepository.Row, UUID> {

    @MappedEntity("ad_text_task")
    record Row(@Id UUID taskId, UUID advertiserId, @Nullable UUID campaignId, String campaignTitle, String status,
            @Nullable String text, @Nullable String reason, @DateCreated @Nullable Instant createdAt,
            @Nullable Instant finishedAt) {

        AdTextTask task() {
            return new AdTextTask(taskId, advertiserId, campaignId, campaignTitle,
                    AdTextTask.Status.valueOf(status.toLowerCase(Locale.ROOT)), text, reason, createdAt, finishedAt);
        }
    }

    Row save(Row row);

    Optional<Row> findById(UUID taskId);

    /** Ends a pending task: DONE with its text, or FAILED with the reason; a task already ended stays as it is. */
    @Query("""
            UPDATE ad_text_task SET status = :status, text = :text, reason = :reason, finished_at = now()
             WHERE task_id = :taskId AND status = 'PENDING'""")
    int end(UUID taskId, String status, @Nullable String text, @Nullable String reason);

    /** Fails the tasks still pending after {@code ageMillis}: the node working on them stopped. */
    @Query("""
            UPDATE ad_text_task SET status = 'FAILED', finished_at = now(),
                   reason = 'the task was abandoned (the server working on it stopped); request a new one'
             WHERE status = 'PENDING' AND created_at < now() - :ageMillis * interval '1 millisecond'""")
    int abandonOlderThanMillis(long ageMillis);

    default AdTextTask insert(UUID taskId, UUID advertiserId, @Nullable UUID campaignId, String title) {
        return save(new Row(taskId, advertiserId, campaignId, title, "PENDING", null, null, null, null)).task();
    }

    default void finish(UUID taskId, @Nullable String text, @Nullable String reason) {
        end(taskId, text != null ? "DONE" : "FAILED", text, reason);
    }

    default int abandonOlderThan(Duration age) {
        return abandonOlderThanMillis(age.toMillis());
    }

    default Optional<AdTextTask> find(UUID taskId) {
        return findById(taskId).map(Row::task);
    }
}
