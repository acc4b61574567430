package io.chanmarket.parsers.telemetr;

import io.chanmarket.parsers.result.AudienceStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.Refusal;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.parsers.text.Numbers.Convention;
import io.chanmarket.parsers.text.Numbers.Kind;
import io.chanmarket.parsers.text.Numbers.Reading;
import io.chanmarket.parsers.text.Numbers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a Telemetr channel page ({@code telemetr.me/@name}, or the English {@code telemetr.io/en/...}): subscribers,
 * views per post, ER, daily ER ("Суточный", a percentage, as third-party scrapers read it), the gender split Telemetr
 * estimates from subscribers' names, and the main language. Every value comes from its own block: the counters from the
 * profile widget's items by their exact titles, the gender split from the audience-gender block only, with whole-word
 * labels in both languages ("male" is never found inside "female"). Text in the description never counts.
 */
final class TelemetrPageParser {

    /** Whole-word gender labels; a letter may not touch either end. */
    private static final Pattern MALE = Pattern
            .compile("(?<!\\p{L})(?:мужчин\\p{L}*|мужск\\p{L}*|male|men|man)(?!\\p{L})");
    private static final Pattern FEMALE = Pattern
            .compile("(?<!\\p{L})(?:женщин\\p{L}*|женск\\p{L}*|female|women|woman)(?!\\p{L})");
    private static final List<String> GENDER_HEADINGS = List.of("пол аудитории", "пол подписчиков", "пол", "gender",
            "audience gender", "subscribers gender", "gender of subscribers");
    private static final List<String> NOT_FOUND = List.of("канал не найден", "channel not found", "страница не найдена",
            "page not found");

    public ParseResult<AudienceStats> parse(byte[] body, String charset) {
        if (body == null || body.length == 0) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "empty page");
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), charset, "https://telemetr.me/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (doc.selectFirst(".g-recaptcha, #challenge-form, script[src*=challenge-platform]") != null
                || words(doc.title()).startsWith("just a moment") || hasScript(doc, "cf-chl")) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, "Telemetr asks for a captcha");
        }
        Element profile = doc.selectFirst(".kt-widget");
        if (profile == null) {
            for (Element status : doc.select("h1, h2, h3, .modal-title, .alert-heading")) {
                String t = words(status.text());
                if (NOT_FOUND.stream().anyMatch(t::startsWith)) {
                    return ParseResult.failed(ResultStatus.NOT_FOUND,
                            "Telemetr: channel not found ('" + status.text() + "')");
                }
            }
        }
        Element html = doc.selectFirst("html");
        Values n = new Values(Convention.ofLanguage(html == null ? null : html.attr("lang")));
        try {
            Element participants = doc.selectFirst("span.kt-number[data-num=participants]");
            String subscribersText = participants != null ? participants.text()
                    : item(doc, "подписчиков", "подписчики", "subscribers");
            if (subscribersText == null) {
                return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "Telemetr: no subscriber count on the page");
            }
            Long subscribers = n.whole("subscribers", subscribersText);
            Element username = doc.selectFirst("a.kt-widget__username");
            Long views = n.whole("viewsPerPost", item(doc, "просмотров на пост", "views per post"));
            BigDecimal er = n.decimal("erPct", item(doc, "er"));
            String dailyText = item(doc, "суточный", "суточный er", "daily", "daily er");
            BigDecimal erDaily = null;
            if (dailyText != null && !dailyText.contains("%") && !isNoData(dailyText)) {
                n.refuse("erDailyPct", dailyText,
                        "«Суточный» is a daily ER percentage; '" + dailyText.strip() + "' is not a percentage");
            } else {
                erDaily = n.decimal("erDailyPct", dailyText);
            }
            Element gender = genderBlock(doc);
            BigDecimal male = gender == null ? null : n.decimal("genderMalePct", genderValue(gender, MALE, FEMALE));
            BigDecimal female = gender == null ? null : n.decimal("genderFemalePct", genderValue(gender, FEMALE, MALE));
            return ParseResult.ok(new AudienceStats(username == null ? null : username.text().strip(), subscribers,
                    views, er, erDaily, male, female, mainLanguage(doc, n), n.refused));
        } catch (NumberFormatException e) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "Telemetr: unreadable value: " + e.getMessage());
        }
    }

    /** Reads numbers under the page's convention and collects refusals. */
    private static final class Values {
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

        void refuse(String field, String text, String reason) {
            refused.add(new Refusal(field, text.strip(), reason));
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
    }

    /**
     * The value of the profile widget's item whose title is exactly one of {@code titles} (lower case); null when there
     * is none.
     */
    private static String item(Document doc, String... titles) {
        for (Element item : doc.select(".kt-widget__item")) {
            Element title = item.selectFirst(".kt-widget__title");
            if (title == null) {
                continue;
            }
            String t = words(title.text());
            for (String wanted : titles) {
                if (t.equals(wanted)) {
                    Element value = item.selectFirst(".kt-number, .kt-widget__value");
                    return value == null ? null : value.text();
                }
            }
        }
        return null;
    }

    /** The audience-gender block: {@code [data-section=gender]}, or the portlet headed "Пол аудитории" / "Gender". */
    private static Element genderBlock(Document doc) {
        Element marked = doc.selectFirst("[data-section=gender]");
        if (marked != null) {
            return marked;
        }
        for (Element head : doc.select(".kt-portlet__head-title, h3, h4")) {
            String t = words(head.text());
            if (GENDER_HEADINGS.contains(t)) {
                Element portlet = head.closest(".kt-portlet");
                return portlet != null ? portlet : head.parent();
            }
        }
        return null;
    }

    /**
     * The percentage on the gender block's row labelled (whole word) by {@code label}: the row is the label element's
     * parent (or the element itself when it holds both), the value is the row's text without the label. An element that
     * also names the other gender is not a row.
     */
    private static String genderValue(Element block, Pattern label, Pattern other) {
        for (Element e : block.select("*")) {
            String own = words(e.ownText());
            if (own.isEmpty() || !label.matcher(own).find() || other.matcher(own).find()) {
                continue;
            }
            String rest = label.matcher(own).replaceFirst("").replace(":", "").strip();
            if (!rest.isEmpty()) {
                return rest; // "Мужчины: 58.4%" in one element
            }
            Element row = e.parent();
            if (row == null || row == block) {
                continue;
            }
            String value = words(row.text()).replace(own, "").replace(":", "").strip();
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    /** The language with the largest share in the language table. */
    private static String mainLanguage(Document doc, Values n) {
        String best = null;
        BigDecimal bestShare = null;
        for (Element row : doc.select("[data-section=languages] tr, .languages tr")) {
            if (row.childrenSize() < 2 || row.child(1).tagName().equals("th")) {
                continue;
            }
            BigDecimal share = n.decimal("language", row.child(1).text());
            if (share != null && (bestShare == null || share.compareTo(bestShare) > 0)) {
                bestShare = share;
                best = row.child(0).text().strip();
            }
        }
        return best;
    }

    private static boolean isNoData(String text) {
        return Numbers.read(text, Kind.DECIMAL, Convention.NONE) instanceof Numbers.NoData;
    }

    private static boolean hasScript(Document doc, String fragment) {
        for (Element script : doc.getElementsByTag("script")) {
            if (script.data().contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    private static String words(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
