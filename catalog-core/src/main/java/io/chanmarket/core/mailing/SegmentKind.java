package io.chanmarket.core.mailing;

/** How a segment gets its users. */
public enum SegmentKind {
    /** One per category; users join by opening the category or its channels often enough. */
    AUTO,
    /** Built by an admin from filters on users. */
    MANUAL
}
