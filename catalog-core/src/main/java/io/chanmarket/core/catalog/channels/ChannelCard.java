package io.chanmarket.core.catalog.channels;

/**
 * A channel's card as one viewer sees it.
 *
 * @param favorite
 *            whether the viewer keeps the channel among their favorites (false without a viewer)
 */
public record ChannelCard(ChannelDetails details, boolean favorite) {
}
