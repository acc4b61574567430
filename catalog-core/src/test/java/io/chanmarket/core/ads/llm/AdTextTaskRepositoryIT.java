package io.chanmarket.core.ads.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.DatabaseTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A task's life in {@code ad_text_task}: stored pending, ended once, failed by the sweep when its node stopped. */
@MicronautTest(transactional = false)
class AdTextTaskRepositoryIT implements DatabaseTest {

    @Inject
    AdTextTaskRepository tasks;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    private UUID anAdvertiser() {
        UUID id = UUID.randomUUID();
        tx.executeWrite(
                status -> jdbc.prepareStatement("INSERT INTO ad_advertiser (advertiser_id, name) VALUES (?, ?)", ps -> {
                    ps.setObject(1, id);
                    ps.setString(2, "Advertiser " + id);
                    return ps.executeUpdate();
                }));
        return id;
    }

    @Test
    void aTaskEndsOnceWithItsTextAndLaterEndingsChangeNothing() {
        AdTextTask task = tasks.insert(UUID.randomUUID(), anAdvertiser(), null, "Весенняя распродажа");
        assertThat(task.status()).isEqualTo(AdTextTask.Status.pending);
        assertThat(task.createdAt()).isNotNull();

        tasks.finish(task.taskId(), "Скидки до 50% всю весну.", null);
        tasks.finish(task.taskId(), null, "too late");

        AdTextTask ended = tasks.find(task.taskId()).orElseThrow();
        assertThat(ended.status()).isEqualTo(AdTextTask.Status.done);
        assertThat(ended.text()).isEqualTo("Скидки до 50% всю весну.");
        assertThat(ended.reason()).isNull();
        assertThat(ended.finishedAt()).isNotNull();
    }

    @Test
    void theSweepFailsOnlyTasksPendingLongerThanTheAge() {
        UUID advertiser = anAdvertiser();
        AdTextTask fresh = tasks.insert(UUID.randomUUID(), advertiser, null, "Свежая");
        AdTextTask stuck = tasks.insert(UUID.randomUUID(), advertiser, null, "Зависшая");
        tx.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE ad_text_task SET created_at = now() - interval '2 hours' WHERE task_id = ?", ps -> {
                    ps.setObject(1, stuck.taskId());
                    return ps.executeUpdate();
                }));

        assertThat(tasks.abandonOlderThan(Duration.ofHours(1))).isGreaterThanOrEqualTo(1);

        AdTextTask failed = tasks.find(stuck.taskId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(AdTextTask.Status.failed);
        assertThat(failed.reason()).contains("abandoned");
        assertThat(tasks.find(fresh.taskId()).orElseThrow().status()).isEqualTo(AdTextTask.Status.pending);
    }
}
