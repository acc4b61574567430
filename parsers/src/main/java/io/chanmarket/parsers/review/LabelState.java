package io.chanmarket.parsers.review;

/** A channel's TGStat labels as the catalog has them (either one hides the channel). */
public record LabelState(boolean red, boolean black) {

    public boolean hides() {
        return red || black;
    }
}
