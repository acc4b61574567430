package io.chanmarket.parsers.review;

import io.chanmarket.parsers.result.LabelMarker;
import java.time.Instant;

/** A marker as last seen on a channel: the evidence behind a label, for admins. */
public record StoredMarker(long channelId, String source, LabelMarker.Kind kind, String text, String element,
        Instant firstSeenAt, Instant lastSeenAt) {

    /** Whether this marker hides the channel (a red or black label). */
    public boolean hides() {
        return kind == LabelMarker.Kind.RED || kind == LabelMarker.Kind.BLACK;
    }
}
