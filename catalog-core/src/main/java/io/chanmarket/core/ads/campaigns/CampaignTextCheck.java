package io.chanmarket.core.ads.campaigns;

/** A check of a campaign's texts on create and replace (moderation); refuses with an {@code AdsException}. */
public interface CampaignTextCheck {

    /** Throws {@code AdsException.Invalid} naming {@code field} when {@code text} may not be used. */
    void check(String field, String text);
}
