package io.chanmarket.parsers.tgstat;

import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.LabelMarker;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.Refusal;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.parsers.result.Series;
import io.chanmarket.parsers.text.Numbers;
import io.chanmarket.parsers.text.Numbers.Convention;
import io.chanmarket.parsers.text.Numbers.Kind;
import io.chanmarket.parsers.text.Numbers.Reading;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads TGStat's channel stat page ({@code /channel/@name/stat}, Russian or English). Cards are found by the words of
 * their labels in either language, not by class chains, so cosmetic changes do not break it; each value is read from
 * its own card, the header values from the header card, the labels from the header's marker icons. When a card we
 * cannot do without is missing, or a value is no number at all, the result is {@link ResultStatus#LAYOUT_CHANGED}; a
 * number the grammar reads in two ways is refused (listed in {@link ChannelStats#refused()}), never guessed. Stateless
 * and thread-safe.
 */
public final class TgstatPageParser {

    private static final Pattern CHART = Pattern.compile(
            "querySelector\\('#([a-z-]+)-chart'\\)\\s*,\\s*\\{.*?data:\\s*\\[([^\\]]*)\\].*?labels:\\s*\\[([^\\]]*)\\]",
            Pattern.DOTALL);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("dd.MM.yyyy"),
            DateTimeFormatter.ofPattern("d.M.yyyy"), DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));

    /**
     * The stat cards by the words of their labels, Russian first, then English; order matters where one label contains
     * another.
     */
    enum Card {
        ERR("(err)"), ER("(er)"),
        AD_REACH("средний рекламный охват", "average ad reach", "avg. ad reach", "average advertising reach",
                "avg ad reach", "ad reach"),
        REACH("средний охват", "average post reach", "avg. post reach", "avg post reach", "average reach",
                "post reach"),
        SUBSCRIBERS("подписчики", "subscribers"), CITATION("индекс цитирования", "citation index"),
        AGE("возраст канала", "channel age"), POSTS("публикации", "posts", "publications");

        final List<String> labels;

        Card(String... labels) {
            this.labels = List.of(labels);
        }

        /** The Russian label, as the page shows it. */
        String label() {
            return this == ERR ? "вовлеченность подписчиков (err)"
                    : this == ER ? "вовлеченность подписчиков (er)" : labels.get(0);
        }

        static Card of(String label) {
            for (Card card : values()) {
                for (String l : card.labels) {
                    if (label.contains(l)) {
                        return card;
                    }
                }
            }
            return null;
        }
    }

    /** Parses a page body; {@code charset} from the Content-Type header, or null to let the page's meta tag decide. */
    public ParseResult<ChannelStats> parse(byte[] body, String charset) {
        if (body == null || body.length == 0) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "empty page");
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), charset, "https://tgstat.ru/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(doc);
    }

    /** Parses a page already decoded to text. */
    public ParseResult<ChannelStats> parse(String html) {
        if (html == null || html.isBlank()) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "empty page");
        }
        return parse(Jsoup.parse(html, "https://tgstat.ru/"));
    }

    private ParseResult<ChannelStats> parse(Document doc) {
        ParseResult<ChannelStats> notData = TgstatSignals.classify(doc);
        if (notData != null) {
            return notData;
        }
        Map<Card, Element> cards = new EnumMap<>(Card.class);
        for (Element card : doc.select("div.card.card-body.position-relative")) {
            Element label = card.selectFirst("div.position-absolute.text-uppercase");
            if (label == null) {
                continue;
            }
            Card kind = Card.of(words(label.text()));
            if (kind != null) {
                cards.putIfAbsent(kind, card);
            }
        }
        List<String> missingRequired = new ArrayList<>();
        for (Card card : List.of(Card.SUBSCRIBERS, Card.REACH, Card.CITATION)) {
            if (!cards.containsKey(card)) {
                missingRequired.add(card.label());
            }
        }
        if (!missingRequired.isEmpty()) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED,
                    "stat cards missing: " + String.join(", ", missingRequired));
        }
        try {
            return ParseResult.ok(read(doc, cards, new Values(convention(doc, cards))));
        } catch (NumberFormatException e) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "unreadable value: " + e.getMessage());
        }
    }

    /**
     * The number convention of the page: the language it declares ({@code <html lang>}), else the language of its card
     * labels (an English page whose {@code lang} is missing still reads «20,200» as twenty thousand two hundred).
     */
    static Convention convention(Document doc, Map<Card, Element> cards) {
        Element html = doc.selectFirst("html");
        Convention declared = Convention.ofLanguage(html == null ? null : html.attr("lang"));
        if (declared != Convention.NONE) {
            return declared;
        }
        Element label = cards.get(Card.SUBSCRIBERS).selectFirst("div.position-absolute.text-uppercase");
        String text = label == null ? "" : words(label.text());
        return text.contains("subscribers") ? Convention.EN
                : text.contains("подписчики") ? Convention.RU : Convention.NONE;
    }

    /** Reads the numbers of one page under its convention and collects what it refuses. */
    static final class Values {
        private final Convention convention;
        private final List<Refusal> refused = new ArrayList<>();

        Values(Convention convention) {
            this.convention = convention;
        }

        Long whole(String field, String text) {
            BigDecimal v = value(field, text, Kind.WHOLE);
            return v == null ? null : v.longValueExact();
        }

        BigDecimal decimal(String field, String text) {
            return value(field, text, Kind.DECIMAL);
        }

        private BigDecimal value(String field, String text, Kind kind) {
            Reading reading = Numbers.read(text, kind, convention);
            if (reading instanceof Numbers.Value v) {
                return v.value();
            }
            if (reading instanceof Numbers.Refused r) {
                refused.add(new Refusal(field, r.text(), r.reason()));
            }
            return null;
        }

        void refuse(String field, String text, String reason) {
            refused.add(new Refusal(field, text, reason));
        }

        List<Refusal> refused() {
            return refused;
        }
    }

    private ChannelStats read(Document doc, Map<Card, Element> cards, Values n) {
        Element subscribersCard = cards.get(Card.SUBSCRIBERS);
        String subscribersText = mainValue(subscribersCard);
        Long subscribers = n.whole("subscribers", subscribersText);
        if (subscribers == null && !n.refused().stream().anyMatch(r -> r.field().equals("subscribers"))) {
            throw new NumberFormatException("subscribers: no number in '" + subscribersText.strip() + "'");
        }
        Map<String, String> subscriberRows = rows(subscribersCard);

        Element citationCard = cards.get(Card.CITATION);
        Map<String, String> citationRows = rows(citationCard);

        Element reachCard = cards.get(Card.REACH);
        Map<String, String> reachRows = rows(reachCard);

        Element adCard = cards.get(Card.AD_REACH);
        Map<String, String> adRows = adCard == null ? Map.of() : rows(adCard);
        Long adReach24h = adCard == null ? null : n.whole("adReach24h", mainValue(adCard));
        if (adReach24h == null && !n.refused().stream().anyMatch(r -> r.field().equals("adReach24h"))) {
            adReach24h = n.whole("adReach24h", row(adRows, List.of("24")));
        }

        BigDecimal err = n.decimal("errPct", row(reachRows, List.of("err"), "24"));
        BigDecimal err24 = n.decimal("err24Pct", row(reachRows, List.of("err24")));
        Element errCard = cards.get(Card.ERR);
        if (errCard != null) {
            List<Element> values = errCard.select("h2");
            if (err == null && !values.isEmpty() && row(reachRows, List.of("err"), "24") == null) {
                err = n.decimal("errPct", values.get(0).text());
            }
            if (err24 == null && values.size() > 1 && row(reachRows, List.of("err24")) == null) {
                err24 = n.decimal("err24Pct", values.get(1).text());
            }
        }

        Element erCard = cards.get(Card.ER);
        BigDecimal er = erCard == null ? null : n.decimal("erPct", mainValue(erCard));

        Element postsCard = cards.get(Card.POSTS);
        Long posts = postsCard == null ? null : n.whole("postsCount",
                postsCard.selectFirst("h2") == null ? null : postsCard.selectFirst("h2").ownText());

        Element ageCard = cards.get(Card.AGE);
        LocalDate createdOn = null;
        String age = null;
        if (ageCard != null) {
            age = textOrNull(ageCard.selectFirst("h2"));
            for (Element col : ageCard.select("div.col")) {
                String label = words(col.text());
                if (label.contains("канал создан") || label.contains("channel created") || label.contains("created")) {
                    String date = textOrNull(col.selectFirst("b"));
                    if (date != null && date.matches(".*\\d.*")) {
                        createdOn = date(date.strip());
                        if (createdOn == null) {
                            n.refuse("createdOn", date, "unreadable date: '" + date.strip() + "'");
                        }
                    }
                    break;
                }
            }
        }

        List<String> missing = new ArrayList<>();
        for (Card card : Card.values()) {
            if (!cards.containsKey(card)) {
                missing.add(card.label());
            }
        }

        Element header = TgstatSignals.header(doc);
        Element h1 = doc.selectFirst("h1");
        String title = h1 == null ? null : h1.ownText().strip();
        boolean verified = doc.selectFirst("h1 i.tg-verified-icon") != null;
        Element scope = header != null ? header : doc;
        Element logo = scope.selectFirst("img.img-thumbnail.rounded-circle");
        String logoUrl = logo == null ? null : absolute(logo.attr("src"));
        Element link = scope.selectFirst("a[href^=https://t.me/]");
        String tgLink = link == null ? null : link.attr("href");
        String username = tgLink == null ? null : tgLink.substring("https://t.me/".length()).replaceAll("[/?#].*", "");
        String geo = headedText(scope, List.of("гео и язык", "geo and language", "channel geo", "geo & language", "geo",
                "country and language"));
        String country = null;
        String language = null;
        if (geo != null) {
            int comma = geo.lastIndexOf(',');
            country = comma < 0 ? geo : emptyToNull(geo.substring(0, comma));
            language = comma < 0 ? null : emptyToNull(geo.substring(comma + 1));
        }
        String category = null;
        Element categoryHeading = heading(scope, List.of("категория", "category"));
        if (categoryHeading != null) {
            category = textOrNull(categoryHeading.parent().selectFirst("a"));
        }
        List<LabelMarker> markers = header == null ? List.of() : TgstatSignals.markers(header);
        boolean red = markers.stream().anyMatch(m -> m.kind() == LabelMarker.Kind.RED);
        boolean black = markers.stream().anyMatch(m -> m.kind() == LabelMarker.Kind.BLACK);

        return new ChannelStats(title, username, logoUrl, tgLink, category, country, language, subscribers,
                n.whole("subscribersDay", row(subscriberRows, List.of("сегодня", "today"))),
                n.whole("subscribersWeek", row(subscriberRows, List.of("недел", "week"))),
                n.whole("subscribersMonth", row(subscriberRows, List.of("месяц", "month"))),
                n.decimal("citationIndex", mainValue(citationCard)),
                n.whole("mentioningChannels", row(citationRows, List.of("канал", "channel"))),
                n.whole("mentions", row(citationRows, List.of("упоминан", "mention"), "канал", "channel")),
                n.whole("forwards", row(citationRows, List.of("репост", "repost", "forward", "share"))),
                n.whole("avgReach", mainValue(reachCard)), err, err24,
                n.whole("adReach12h", row(adRows, List.of("12"))), adReach24h,
                n.whole("adReach48h", row(adRows, List.of("48"))), er, posts, createdOn, age, verified, red, black,
                null, null, series(doc), missing, header != null, markers, n.refused());
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    /** The 30-day chart series embedded in the page scripts, by chart name. */
    static Map<String, Series> series(Document doc) {
        Map<String, Series> result = new LinkedHashMap<>();
        for (Element script : doc.select("script")) {
            String js = script.data();
            if (!js.contains("ApexCharts")) {
                continue;
            }
            Matcher m = CHART.matcher(js);
            while (m.find()) {
                String[] values = m.group(2).split(",");
                String[] labels = m.group(3).split(",");
                List<Series.Point> points = new ArrayList<>();
                for (int i = 0; i < Math.min(values.length, labels.length); i++) {
                    String day = labels[i].strip().replace("'", "").replace("\"", "");
                    String value = values[i].strip();
                    if (day.isEmpty() || value.isEmpty() || value.equals("null")) {
                        continue;
                    }
                    try {
                        points.add(new Series.Point(LocalDate.parse(day), new BigDecimal(value)));
                    } catch (DateTimeParseException | NumberFormatException e) {
                        // a point we cannot read is left out; the card values do not depend on it
                    }
                }
                result.putIfAbsent(m.group(1), new Series(points));
            }
        }
        return result;
    }

    private static String mainValue(Element card) {
        Element h2 = card.selectFirst("h2");
        if (h2 == null) {
            throw new NumberFormatException("card '" + words(card.text()) + "' has no value");
        }
        return h2.text();
    }

    /** Detail rows of a card: label (lower case, collapsed spaces) to value text. */
    private static Map<String, String> rows(Element card) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Element tr : card.select("tr")) {
            if (tr.childrenSize() >= 2) {
                rows.put(words(tr.child(1).text()), tr.child(0).text());
            }
        }
        return rows;
    }

    /** The value of the first row whose label contains one of {@code words} (and none of {@code unless}). */
    private static String row(Map<String, String> rows, List<String> words, String... unless) {
        outer: for (Map.Entry<String, String> e : rows.entrySet()) {
            if (words.stream().anyMatch(w -> e.getKey().contains(w))) {
                for (String u : unless) {
                    if (e.getKey().contains(u)) {
                        continue outer;
                    }
                }
                return e.getValue();
            }
        }
        return null;
    }

    private static Element heading(Element scope, List<String> startsWith) {
        for (Element h5 : scope.select("h5")) {
            String own = words(h5.ownText());
            if (startsWith.stream().anyMatch(own::startsWith)) {
                return h5;
            }
        }
        return null;
    }

    private static String headedText(Element scope, List<String> startsWith) {
        Element h = heading(scope, startsWith);
        return h == null ? null : emptyToNull(h.parent().ownText());
    }

    static String words(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static String textOrNull(Element e) {
        return e == null ? null : emptyToNull(e.text());
    }

    private static String emptyToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00a0', ' ').strip();
        return t.isEmpty() ? null : t;
    }

    private static String absolute(String src) {
        if (src == null || src.isBlank()) {
            return null;
        }
        return src.startsWith("//") ? "https:" + src : src;
    }
}
