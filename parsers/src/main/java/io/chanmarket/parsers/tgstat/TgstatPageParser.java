package io.chanmarket.parsers.tgstat;

import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.parsers.result.Series;
import io.chanmarket.parsers.text.Numbers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Reads TGStat's channel stat page ({@code /channel/@name/stat}). Cards are found by the words of their labels, not by
 * class chains, so cosmetic changes do not break it; when a card we cannot do without is missing the result is
 * {@link ResultStatus#LAYOUT_CHANGED}, never a guess. Stateless and thread-safe.
 */
public final class TgstatPageParser {

    /** Cards without which the page is not what we expect. */
    static final List<String> REQUIRED_CARDS = List.of(Card.SUBSCRIBERS.label, Card.REACH.label, Card.CITATION.label);

    private static final Pattern CHART = Pattern.compile(
            "querySelector\\('#([a-z-]+)-chart'\\)\\s*,\\s*\\{.*?data:\\s*\\[([^\\]]*)\\].*?labels:\\s*\\[([^\\]]*)\\]",
            Pattern.DOTALL);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The stat cards by the words of their labels; order matters where one label contains another. */
    enum Card {
        ERR("вовлеченность подписчиков (err)"), ER("вовлеченность подписчиков (er)"),
        AD_REACH("средний рекламный охват"), REACH("средний охват"), SUBSCRIBERS("подписчики"),
        CITATION("индекс цитирования"), AGE("возраст канала"), POSTS("публикации");

        final String label;

        Card(String label) {
            this.label = label;
        }

        static Card of(String label) {
            for (Card card : values()) {
                if (label.contains(card.label)) {
                    return card;
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
        Map<Card, Element> cards = new HashMap<>();
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
                missingRequired.add(card.label);
            }
        }
        if (!missingRequired.isEmpty()) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED,
                    "stat cards missing: " + String.join(", ", missingRequired));
        }
        try {
            return ParseResult.ok(read(doc, cards));
        } catch (NumberFormatException | DateTimeParseException e) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "unreadable value: " + e.getMessage());
        }
    }

    private ChannelStats read(Document doc, Map<Card, Element> cards) {
        Element subscribersCard = cards.get(Card.SUBSCRIBERS);
        Long subscribers = Numbers.parseLong(mainValue(subscribersCard))
                .orElseThrow(() -> new NumberFormatException("subscribers: no number"));
        Map<String, String> subscriberRows = rows(subscribersCard);

        Element citationCard = cards.get(Card.CITATION);
        Map<String, String> citationRows = rows(citationCard);

        Element reachCard = cards.get(Card.REACH);
        Map<String, String> reachRows = rows(reachCard);

        Element adCard = cards.get(Card.AD_REACH);
        Map<String, String> adRows = adCard == null ? Map.of() : rows(adCard);
        Long adReach24h = adCard == null ? null : Numbers.longOrNull(mainValue(adCard));
        if (adReach24h == null) {
            adReach24h = Numbers.longOrNull(row(adRows, "24"));
        }

        BigDecimal err = Numbers.decimalOrNull(row(reachRows, "err", "24"));
        BigDecimal err24 = Numbers.decimalOrNull(row(reachRows, "err24"));
        Element errCard = cards.get(Card.ERR);
        if (errCard != null) {
            List<Element> values = errCard.select("h2");
            if (err == null && !values.isEmpty()) {
                err = Numbers.decimalOrNull(values.get(0).text());
            }
            if (err24 == null && values.size() > 1) {
                err24 = Numbers.decimalOrNull(values.get(1).text());
            }
        }

        Element erCard = cards.get(Card.ER);
        BigDecimal er = erCard == null ? null : Numbers.decimalOrNull(mainValue(erCard));

        Element postsCard = cards.get(Card.POSTS);
        Long posts = postsCard == null ? null : Numbers.longOrNull(mainValue(postsCard));

        Element ageCard = cards.get(Card.AGE);
        LocalDate createdOn = null;
        String age = null;
        if (ageCard != null) {
            age = textOrNull(ageCard.selectFirst("h2"));
            for (Element col : ageCard.select("div.col")) {
                if (words(col.text()).contains("канал создан")) {
                    String date = textOrNull(col.selectFirst("b"));
                    createdOn = date == null || !date.matches(".*\\d.*") ? null
                            : LocalDate.parse(date.strip(), DAY_MONTH_YEAR);
                }
            }
        }

        List<String> missing = new ArrayList<>();
        for (Card card : Card.values()) {
            if (!cards.containsKey(card)) {
                missing.add(card.label);
            }
        }

        Element h1 = doc.selectFirst("h1");
        String title = h1 == null ? null : h1.ownText().strip();
        boolean verified = doc.selectFirst("h1 i.tg-verified-icon") != null;
        Element logo = doc.selectFirst("img.img-thumbnail.rounded-circle");
        String logoUrl = logo == null ? null : absolute(logo.attr("src"));
        Element link = doc.selectFirst("a[href^=https://t.me/]");
        String tgLink = link == null ? null : link.attr("href");
        String username = tgLink == null ? null : tgLink.substring("https://t.me/".length()).replaceAll("[/?#].*", "");
        String geo = headedText(doc, "гео и язык");
        String country = null;
        String language = null;
        if (geo != null) {
            int comma = geo.lastIndexOf(',');
            country = comma < 0 ? geo : emptyToNull(geo.substring(0, comma));
            language = comma < 0 ? null : emptyToNull(geo.substring(comma + 1));
        }
        String category = null;
        Element categoryHeading = heading(doc, "категория");
        if (categoryHeading != null) {
            category = textOrNull(categoryHeading.parent().selectFirst("a"));
        }
        Flags flags = TgstatSignals.flags(doc);

        return new ChannelStats(title, username, logoUrl, tgLink, category, country, language, subscribers,
                Numbers.longOrNull(row(subscriberRows, "сегодня")), Numbers.longOrNull(row(subscriberRows, "недел")),
                Numbers.longOrNull(row(subscriberRows, "месяц")), Numbers.decimalOrNull(mainValue(citationCard)),
                Numbers.longOrNull(row(citationRows, "канал")), Numbers.longOrNull(row(citationRows, "упоминан")),
                Numbers.longOrNull(row(citationRows, "репост")), Numbers.longOrNull(mainValue(reachCard)), err, err24,
                Numbers.longOrNull(row(adRows, "12")), adReach24h, Numbers.longOrNull(row(adRows, "48")), er, posts,
                createdOn, age, verified, flags.red(), flags.black(), null, null, series(doc), missing);
    }

    /** Red and black TGStat labels found on a page. */
    record Flags(boolean red, boolean black) {
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

    /** The value of the first row whose label contains {@code word} (and not {@code unless}). */
    private static String row(Map<String, String> rows, String word, String... unless) {
        outer: for (Map.Entry<String, String> e : rows.entrySet()) {
            if (e.getKey().contains(word)) {
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

    private static Element heading(Document doc, String startsWith) {
        for (Element h5 : doc.select("h5")) {
            if (words(h5.ownText()).startsWith(startsWith)) {
                return h5;
            }
        }
        return null;
    }

    private static String headedText(Document doc, String startsWith) {
        Element h = heading(doc, startsWith);
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
