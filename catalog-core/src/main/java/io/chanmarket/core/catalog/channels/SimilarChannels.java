package io.chanmarket.core.catalog.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fixed number of slots for channels of the same category. When the category has fewer other channels, the remaining
 * slots stay empty ({@code null}): they are never filled from other categories.
 */
@Serdeable
public record SimilarChannels(List<@Nullable ChannelSummary> slots) {

    /** Puts {@code found} (already of the same category, best first) into {@code slotCount} slots. */
    public static SimilarChannels of(List<ChannelSummary> found, int slotCount) {
        if (slotCount < 0) {
            throw new IllegalArgumentException("slotCount must be >= 0, got " + slotCount);
        }
        List<ChannelSummary> slots = new ArrayList<>(slotCount);
        for (int i = 0; i < slotCount; i++) {
            slots.add(i < found.size() ? found.get(i) : null);
        }
        return new SimilarChannels(Collections.unmodifiableList(slots));
    }

    /** How many slots hold a channel. */
    public int filled() {
        return (int) slots.stream().filter(s -> s != null).count();
    }
}
