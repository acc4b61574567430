package io.chanmarket.core.ads.advertisers;

import java.util.UUID;

/** An advertiser in a list: its name and how many live campaigns it has. */
public record AdvertiserSummary(UUID advertiserId, String name, long campaigns) {
}
