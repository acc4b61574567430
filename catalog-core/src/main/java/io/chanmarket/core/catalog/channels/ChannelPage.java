package io.chanmarket.core.catalog.channels;

import java.util.List;

/** One page of a channel list. */
public record ChannelPage(List<ChannelSummary> items, int page, boolean hasMore) {
}
