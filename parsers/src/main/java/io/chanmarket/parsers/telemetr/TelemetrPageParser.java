package io.chanmarket.parsers.telemetr;

import io.chanmarket.parsers.result.AudienceStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.parsers.text.Numbers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a Telemetr channel page ({@code telemetr.me/@name}): subscribers, views per post, ER, daily reach, the gender
 * split Telemetr estimates from subscribers' names, and the main language. Values are found next to their labels
 * ("Подписчиков", "Просмотров на пост", "ER", "Суточный"); thousands may be separated by apostrophes.
 */
public final class TelemetrPageParser {

    private static final Pattern MALE = Pattern.compile("(?:мужчин\\p{L}*|male)\\D{0,20}?(\\d+(?:[.,]\\d+)?)\\s*%");
    private static final Pattern FEMALE = Pattern.compile("(?:женщин\\p{L}*|female)\\D{0,20}?(\\d+(?:[.,]\\d+)?)\\s*%");

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
        String text = words(doc.text());
        String raw = doc.html().toLowerCase(Locale.ROOT);
        if (raw.contains("cf-chl") || raw.contains("challenge-platform") || raw.contains("g-recaptcha")
                || text.contains("just a moment")) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, "Telemetr asks for a captcha");
        }
        if (text.contains("канал не найден") || text.contains("channel not found")) {
            return ParseResult.failed(ResultStatus.NOT_FOUND, "Telemetr: channel not found");
        }
        try {
            Element participants = doc.selectFirst("span.kt-number[data-num=participants]");
            Long subscribers = participants != null ? Numbers.longOrNull(participants.text())
                    : Numbers.longOrNull(valueNear(doc, "подписчиков"));
            if (participants == null && valueNear(doc, "подписчиков") == null) {
                return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "Telemetr: no subscriber count on the page");
            }
            Element username = doc.selectFirst("a.kt-widget__username");
            Long views = Numbers.longOrNull(valueNear(doc, "просмотров на пост"));
            BigDecimal er = Numbers.decimalOrNull(valueNear(doc, "er"));
            Long daily = Numbers.longOrNull(valueNear(doc, "суточный"));
            return ParseResult.ok(new AudienceStats(username == null ? null : username.text().strip(), subscribers,
                    views, er, daily, percent(MALE, text), percent(FEMALE, text), mainLanguage(doc)));
        } catch (NumberFormatException e) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "Telemetr: unreadable value: " + e.getMessage());
        }
    }

    /** The value shown with a label: the number in the label's widget item. */
    private static String valueNear(Document doc, String label) {
        for (Element e : doc.getAllElements()) {
            String own = words(e.ownText());
            if (own.equals(label) || (label.length() > 2 && own.startsWith(label))) {
                Element item = e.closest(".kt-widget__item");
                Element scope = item != null ? item : e.parent();
                if (scope == null) {
                    continue;
                }
                Element value = scope.selectFirst(".kt-number, .kt-widget__value");
                if (value != null) {
                    return value.text();
                }
            }
        }
        return null;
    }

    /** The language with the largest share in the language table. */
    private static String mainLanguage(Document doc) {
        String best = null;
        double bestShare = -1;
        for (Element row : doc.select("[data-section=languages] tr, .languages tr")) {
            if (row.childrenSize() < 2) {
                continue;
            }
            try {
                BigDecimal share = Numbers.decimalOrNull(row.child(1).text());
                if (share != null && share.doubleValue() > bestShare) {
                    bestShare = share.doubleValue();
                    best = row.child(0).text().strip();
                }
            } catch (NumberFormatException e) {
                // a header row
            }
        }
        return best;
    }

    private static BigDecimal percent(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? new BigDecimal(m.group(1).replace(',', '.')) : null;
    }

    private static String words(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
