package io.chanmarket.parsers.result;

/**
 * One marker TGStat puts on a channel: the icon in the page header with its tooltip, or a flag of the API's
 * {@code tgstat_restrictions}. Only the marker decides a label; titles, descriptions and posts never do.
 *
 * @param kind
 *            what the marker's text says
 * @param text
 *            the marker's text as shown (the tooltip, or {@code red_label = true} for the API)
 * @param element
 *            where it was found, for the admin's evidence ({@code img[src=/public/images/red.png]},
 *            {@code api:tgstat_restrictions.red_label})
 */
public record LabelMarker(Kind kind, String text, String element) {

    /** What a marker means. */
    public enum Kind {
        /** Inflated statistics (TGStat's red label): hides the channel. */
        RED,
        /** Scam (TGStat's black label): hides the channel. */
        BLACK,
        /** A known marker that is no label (a confirmed owner). */
        INFO,
        /** A marker whose text we do not know: recorded for admins, hides nothing. */
        UNKNOWN
    }
}
