package io.chanmarket.core.ads.llm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.UUID;

/**
 * One ad-text generation: {@code pending} until the LLM answered, then {@code done} with {@code text} or {@code failed}
 * with {@code reason}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AdTextTask(UUID taskId, UUID advertiserId, @Nullable UUID campaignId, String campaignTitle, Status status,
        @Nullable String text, @Nullable String reason, Instant createdAt, @Nullable Instant finishedAt) {

    /** State of a task. */
    public enum Status {
        pending, done, failed
    }
}
