package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.Category;
import io.chanmarket.core.catalog.channels.CategoryWithChannels;
import io.chanmarket.core.catalog.channels.ChannelDetails;
import io.chanmarket.core.catalog.channels.ChannelPage;
import io.chanmarket.core.catalog.channels.ChannelSummary;
import io.chanmarket.core.catalog.channels.FilterOptions;
import io.chanmarket.core.ads.serving.Ad;
import io.chanmarket.core.ads.viewers.ViewerProfile;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** The page models of the Mini App's templates (one record per partial). */
public final class Views {

    private Views() {
    }

    /**
     * The page frame: texts, script locations, whether the server already filled the view, and whether the preview bar
     * ("not in Telegram") is shown.
     */
    public record Shell(Texts t, String telegramScript, String htmxScript, boolean filled, boolean preview) {
    }

    /** A full page: the frame around one partial. */
    @Introspected
    public record Page(Shell shell, Object view) {
    }

    /** An htmx response: the partial alone. */
    @Introspected
    public record Partial(Object view) {
    }

    /** The home page; {@code sponsored}: room for the sponsored card and a link to the profile form. */
    public record Home(Texts t, List<CategoryWithChannels> categories, @Nullable String noticeKey, boolean sponsored) {
    }

    public record CategoryList(Texts t, Category category, FilterOptions options, ListQuery query, Rows rows,
            boolean sponsored) {
    }

    /** The sponsored card: the ad the engine chose; {@code clicked}: the viewer tapped it (the click is recorded). */
    public record Sponsored(Texts t, Ad ad, boolean clicked) {
    }

    /** The viewer profile form; {@code saved}: it was just stored. */
    public record Profile(Texts t, ViewerProfile.Form form, boolean saved) {

        /** The message key of the field's error, or null. */
        public @Nullable String error(String field) {
            String reason = form.errors().get(field);
            return reason == null ? null : "profile.error." + field + "." + reason;
        }
    }

    public record Rows(Texts t, long categoryId, ListQuery query, ChannelPage page) {

        public String nextUrl() {
            return "/app/categories/" + categoryId + "/channels?" + query.queryString(page.page() + 1);
        }
    }

    /** A channel card; {@code refreshing}: newer numbers were asked for (on-open refresh), shown as a mark. */
    public record Card(Texts t, ChannelDetails channel, FavoriteButton favorite, String managerLink, String trackedLink,
            boolean refreshing) {
    }

    public record FavoriteButton(Texts t, long channelId, boolean favorite) {
    }

    public record PricePanel(Texts t, ChannelDetails channel, String managerLink) {
    }

    public record Favorites(Texts t, List<ChannelSummary> channels) {
    }

    /** A notice page; {@code link}: an optional button (e.g. {@code t.me/<bot>}) labelled by {@code linkKey}. */
    public record Notice(Texts t, String titleKey, String messageKey, @Nullable String link, @Nullable String linkKey) {

        public Notice(Texts t, String titleKey, String messageKey) {
            this(t, titleKey, messageKey, null, null);
        }
    }
}
