package io.chanmarket.core.catalog.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarChannelsTest {

    private static ChannelSummary aChannel(long id) {
        return new ChannelSummary(id, 1, "Channel " + id, null, null, 1000L, 100L, null, null, null, false, false);
    }

    @Test
    void fewerChannelsThanSlotsLeaveTheRestEmpty() {
        SimilarChannels similar = SimilarChannels.of(List.of(aChannel(1), aChannel(2)), 4);
        assertThat(similar.slots()).hasSize(4);
        assertThat(similar.slots().subList(0, 2)).extracting(ChannelSummary::id).containsExactly(1L, 2L);
        assertThat(similar.slots().subList(2, 4)).containsOnlyNulls();
        assertThat(similar.filled()).isEqualTo(2);
    }

    @Test
    void moreChannelsThanSlotsFillEverySlotInOrder() {
        SimilarChannels similar = SimilarChannels
                .of(List.of(aChannel(1), aChannel(2), aChannel(3), aChannel(4), aChannel(5)), 4);
        assertThat(similar.slots()).extracting(ChannelSummary::id).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void anEmptyCategoryGivesOnlyEmptySlots() {
        assertThat(SimilarChannels.of(List.of(), 3).slots()).hasSize(3).containsOnlyNulls();
    }

    @Test
    void cpmIsPriceOverReachTimesAThousand() {
        assertThat(ChannelNumbers.cpm(new BigDecimal("5000"), 20_000L)).contains(new BigDecimal("250.00"));
        assertThat(ChannelNumbers.cpm(new BigDecimal("5000"), 0L)).isEmpty();
        assertThat(ChannelNumbers.cpm(null, 100L)).isEmpty();
        assertThat(ChannelNumbers.cpm(new BigDecimal("100"), null)).isEmpty();
    }
}
