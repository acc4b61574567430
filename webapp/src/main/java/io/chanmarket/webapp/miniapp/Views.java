package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.catalog.channels.Category;
import io.chanmarket.core.catalog.channels.CategoryWithChannels;
import io.chanmarket.core.catalog.channels.ChannelDetails;
import io.chanmarket.core.catalog.channels.ChannelPage;
import io.chanmarket.core.catalog.channels.ChannelSummary;
import io.chanmarket.core.catalog.channels.FilterOptions;
import io.chanmarket.core.ads.serving.Ad;
import io.chanmarket.core.ads.viewers.ViewerProfile;
import io.chanmarket.webapp.miniapp.history.ChannelHistory;
import io.chanmarket.webapp.miniapp.history.HistoryWindow;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The page models of the Mini App's templates (one record per partial). */
public final class Views {

    private Views() {
    }

    /**
     * The page frame: texts, script locations, whether the server already filled the view, whether the settings tab
     * (the ad profile screen) exists, and whether the preview bar ("not in Telegram") is shown.
     */
    public record Shell(Texts t, String telegramScript, String htmxScript, boolean filled, boolean settingsTab,
            boolean preview) {
    }

    /**
     * The bottom tab bar and the network-error toast (in the page frame; {@code settingsTab}: the ad profile screen
     * exists; {@code oob}: sent to the shell, which swaps the toast out of band).
     */
    public record Tabs(Texts t, boolean settingsTab, boolean oob) {
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

        /** The advertiser's link from the ad text ({@link AdLink}), or null. */
        public @Nullable String link() {
            return AdLink.in(ad.adText());
        }
    }

    /** The viewer profile form; {@code saved}: it was just stored. */
    public record Profile(Texts t, ViewerProfile.Form form, boolean saved) {

        /** The message key of the field's error, or null. */
        public @Nullable String error(String field) {
            String reason = form.errors().get(field);
            return reason == null ? null : "profile.error." + field + "." + reason;
        }
    }

    /**
     * A page of a category's rows; {@code sponsored}: the sponsored slot goes after the first {@link #AD_AFTER} rows of
     * the first page; {@code errorsOob}: the filter form sent it, so the fields' messages are swapped in next to them.
     */
    public record Rows(Texts t, long categoryId, ListQuery query, ChannelPage page, boolean sponsored,
            boolean errorsOob) {

        public static final int AD_AFTER = 3;

        public String nextUrl() {
            return "/app/categories/" + categoryId + "/channels?" + query.queryString(page.page() + 1);
        }
    }

    /** A channel card; {@code refreshing}: newer numbers were asked for (on-open refresh), shown as a mark. */
    public record Card(Texts t, ChannelDetails channel, FavoriteButton favorite, String managerLink, String trackedLink,
            boolean refreshing, History history, String compareUrl) {
    }

    /** The history charts of a card over one window. */
    public record History(Texts t, long channelId, HistoryWindow window) {

        public static final int[] WINDOWS = { 30, 90 };
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC);

        public List<Series> series() {
            return List.of(series("subscribers", "field.subscribers", window.subscribers(), false),
                    series("reach", "field.reach", window.reach(), false),
                    series("err", "field.err", window.err(), true), price());
        }

        private Series series(String key, String label, List<ChannelHistory.Point> points, boolean pct) {
            BigDecimal last = window.last(points);
            BigDecimal change = window.change(points);
            String lastText = pct ? t.pct(last) : t.grouped(last == null ? null : last.longValue());
            String changeText = change == null || change.signum() == 0 ? null : (change.signum() > 0 ? "+" : "−")
                    + (pct ? t.pct(change.abs()) : t.compact(change.abs().longValue()));
            return new Series(key, label, window.polyline(points), lastText, changeText, direction(change));
        }

        private Series price() {
            List<ChannelHistory.Point> points = window.price();
            BigDecimal change = window.change(points);
            String changeText = change == null || change.signum() == 0 ? null
                    : (change.signum() > 0 ? "+" : "−") + t.rub(change.abs());
            return new Series("price", "field.price", points.size() < 2 ? "" : window.polyline(points),
                    t.rub(window.last(points)), changeText, direction(change));
        }

        private static String direction(BigDecimal change) {
            return change == null || change.signum() == 0 ? "" : change.signum() > 0 ? "up" : "down";
        }

        public String sourceText() {
            String s = window.source();
            return t.get("history.source." + (s == null ? "none" : s.toLowerCase(java.util.Locale.ROOT)));
        }

        public String updatedText() {
            return window.updatedAt() == null ? "" : WHEN.format(window.updatedAt());
        }

        /** One chart: its SVG points, the last value and the change over the window ("" direction: none). */
        public record Series(String key, String label, String points, String last, @Nullable String change,
                String direction) {
        }
    }

    /**
     * Channels side by side: each row is one number per channel with the best one marked; {@code shareLink}: the
     * {@code startapp=cmp_<ids>} deep link.
     */
    public record Compare(Texts t, List<ChannelDetails> channels, List<CompareRow> rows, @Nullable String shareLink,
            List<ChannelSummary> favorites) {
    }

    /** A row of the comparison: label, one text per channel, and the index of the best value (-1: none). */
    public record CompareRow(String label, List<String> values, int best) {
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
