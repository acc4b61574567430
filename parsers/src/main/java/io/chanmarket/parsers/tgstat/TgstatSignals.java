package io.chanmarket.parsers.tgstat;

import io.chanmarket.parsers.result.LabelMarker;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The signs on a TGStat reply that it is not data (a missing or restricted channel, a robot check, a Cloudflare
 * challenge), and the markers TGStat puts on a channel. Both are read from their own elements only: a status from the
 * page's status element (a shown modal's title, or the heading of a page without stat cards), a label from the marker
 * icons of the header. Words in a title, a description or a post never decide either.
 */
final class TgstatSignals {

    private static final Pattern JSON_RESTRICTED = Pattern.compile("^\\{\\s*\"status\"\\s*:\\s*\"restricted\"");

    /** Status phrases, both languages, matched at the start of a status element's text. */
    private static final List<String> NOT_FOUND = List.of("канал не найден", "чат не найден", "channel not found",
            "channel is not found", "chat not found", "страница не найдена", "page not found");
    private static final List<String> RESTRICTED = List.of("доступ ограничен", "доступ к каналу ограничен",
            "канал заблокирован", "access restricted", "access is restricted", "access denied", "access limited",
            "channel is blocked", "channel blocked", "channel has been blocked");
    private static final List<String> ROBOT = List.of("подозрение на робота", "suspected robot", "robot suspicion");

    /** Marker texts, both languages, matched anywhere in a marker's tooltip (TGStat writes them, not channels). */
    private static final List<String> RED = List.of("нечестного продвижения", "нечестных методов продвижения", "накрут",
            "красная метка", "красной метк", "unfair promotion", "dishonest promotion", "unfair methods of promotion",
            "dishonest methods of promotion", "fraudulent promotion", "artificial inflation", "inflated", "red label");
    private static final List<String> BLACK = List.of("мошенни", "скам", "черная метка", "черной метк", "scam", "fraud",
            "black label");
    private static final List<String> INFO = List.of("подтвержденный владелец", "подтвержденного владельца",
            "confirmed owner", "verified owner", "owner is confirmed", "owner confirmed");

    private TgstatSignals() {
    }

    /** Classifies a reply that is not a stat page, or returns null when it may be one. */
    static <T> ParseResult<T> classify(Document doc) {
        String body = doc.body() == null ? "" : doc.body().text().strip();
        if (doc.body() != null && doc.body().children().isEmpty() && JSON_RESTRICTED.matcher(body).find()) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, "TGStat asks for a captcha (suspected robot)");
        }
        if (doc.getElementById("recaptcha-widget") != null || doc.selectFirst(".g-recaptcha") != null
                || hasScript(doc, "grecaptcha.render")) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, "TGStat asks for a captcha (suspected robot)");
        }
        if (TgstatPageParser.words(doc.title()).startsWith("just a moment")
                || doc.selectFirst("script[src*=challenge-platform], #challenge-form") != null
                || hasScript(doc, "cf-chl")) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, "Cloudflare challenge");
        }
        for (Element status : statusElements(doc)) {
            String t = TgstatPageParser.words(status.text());
            if (startsWithAny(t, ROBOT)) {
                return ParseResult.failed(ResultStatus.RATE_LIMITED, "TGStat asks for a captcha (suspected robot)");
            }
            if (startsWithAny(t, NOT_FOUND)) {
                return ParseResult.failed(ResultStatus.NOT_FOUND,
                        "TGStat: channel not found ('" + status.text() + "')");
            }
            if (startsWithAny(t, RESTRICTED)) {
                return ParseResult.failed(ResultStatus.RESTRICTED,
                        "TGStat: access to the channel is restricted ('" + status.text() + "')");
            }
        }
        return null;
    }

    /**
     * The page's status elements: the title of a modal that is shown, an alert heading; and, on a page without a header
     * card or stat cards, every modal title and top heading (an error page has nothing else).
     */
    static List<Element> statusElements(Document doc) {
        List<Element> out = new ArrayList<>();
        for (Element modal : doc.select(".modal")) {
            String style = modal.attr("style").replace(" ", "");
            if (modal.hasClass("show") || style.contains("display:block")) {
                out.addAll(modal.select(".modal-title"));
            }
        }
        out.addAll(doc.select(".alert-heading"));
        boolean statPage = header(doc) != null || doc.selectFirst("div.card.card-body.position-relative") != null;
        if (!statPage) {
            out.addAll(doc.select(".modal-title, h1, h2, h3"));
        }
        return out;
    }

    /** The header card: the card holding the channel's {@code h1}; null when the page has none. */
    static Element header(Document doc) {
        Element h1 = doc.selectFirst("h1");
        if (h1 == null) {
            return null;
        }
        Element card = h1.closest(".card");
        return card;
    }

    /**
     * The markers of the header card: icons and images with a tooltip ({@code data-original-title}, or {@code title} on
     * an image), outside the description and the menus.
     */
    static List<LabelMarker> markers(Element header) {
        List<LabelMarker> out = new ArrayList<>();
        for (Element e : header.select("[data-original-title], img[title], img[alt]")) {
            if (e.closest(".card-text, .dropdown-menu") != null) {
                continue;
            }
            String raw = e.hasAttr("data-original-title") && !e.attr("data-original-title").isBlank()
                    ? e.attr("data-original-title") : !e.attr("title").isBlank() ? e.attr("title") : e.attr("alt");
            String text = Jsoup.parse(raw).text().strip();
            if (text.isEmpty()) {
                continue;
            }
            out.add(new LabelMarker(kind(text), text, describe(e)));
        }
        return out;
    }

    /** What a marker's text says. */
    static LabelMarker.Kind kind(String text) {
        String t = TgstatPageParser.words(text);
        if (containsAny(t, RED)) {
            return LabelMarker.Kind.RED;
        }
        if (containsAny(t, BLACK)) {
            return LabelMarker.Kind.BLACK;
        }
        if (containsAny(t, INFO)) {
            return LabelMarker.Kind.INFO;
        }
        return LabelMarker.Kind.UNKNOWN;
    }

    private static String describe(Element e) {
        StringBuilder s = new StringBuilder(e.tagName());
        if (e.hasAttr("src")) {
            s.append("[src=").append(e.attr("src")).append(']');
        } else if (!e.className().isBlank()) {
            s.append('.').append(e.className().strip().replaceAll("\\s+", "."));
        }
        return s.toString();
    }

    private static boolean startsWithAny(String text, List<String> phrases) {
        return phrases.stream().anyMatch(text::startsWith);
    }

    private static boolean containsAny(String text, List<String> phrases) {
        return phrases.stream().anyMatch(text::contains);
    }

    private static boolean hasScript(Document doc, String fragment) {
        for (Element script : doc.getElementsByTag("script")) {
            if (script.data().contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
