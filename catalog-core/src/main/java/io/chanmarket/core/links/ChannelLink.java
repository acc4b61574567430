package io.chanmarket.core.links;

/** A tracked link of a channel with how many arrivals it brought. */
public record ChannelLink(TrackedLink link, long arrivals) {
}
