package io.chanmarket.parsers.tgstat;

import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The signs on a TGStat reply that it is not data: a missing or restricted channel, a robot check, a Cloudflare
 * challenge; and the red/black labels TGStat puts on a channel.
 */
final class TgstatSignals {

    private TgstatSignals() {
    }

    /**
     * Classifies a reply that is not a stat page, or returns null when it may be one. Looks at the visible text (a JSON
     * reply parses as text) and at captcha / challenge elements and scripts, without serialising the whole page.
     */
    static <T> ParseResult<T> classify(Document doc) {
        String t = TgstatPageParser.words(doc.title() + " " + doc.text());
        if (t.contains("подозрение на робота") || t.contains("\"status\":\"restricted\"")
                || doc.getElementById("recaptcha-widget") != null || doc.selectFirst(".g-recaptcha") != null
                || hasScript(doc, "grecaptcha.render")) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, "TGStat asks for a captcha (suspected robot)");
        }
        if (t.contains("just a moment") || doc.selectFirst("script[src*=challenge-platform], #challenge-form") != null
                || hasScript(doc, "cf-chl")) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, "Cloudflare challenge");
        }
        if (t.contains("канал не найден") || t.contains("channel not found")) {
            return ParseResult.failed(ResultStatus.NOT_FOUND, "TGStat: channel not found");
        }
        if (t.contains("доступ ограничен") || t.contains("access restricted") || t.contains("канал заблокирован")) {
            return ParseResult.failed(ResultStatus.RESTRICTED, "TGStat: access to the channel is restricted");
        }
        return null;
    }

    private static boolean hasScript(Document doc, String fragment) {
        for (Element script : doc.getElementsByTag("script")) {
            if (script.data().contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * TGStat's labels. Our fixture channel has none, so this matches the wording of the marks ("красная метка",
     * "накрутка" for inflated numbers; "черная метка", "скам", "мошенничество" for scams) on alert-like elements and in
     * the header card, not the whole page (the words may appear in unrelated text).
     */
    static TgstatPageParser.Flags flags(Document doc) {
        StringBuilder text = new StringBuilder();
        for (Element e : doc
                .select(".alert, .badge, .ribbon, [class*=label], [class*=restrict], [data-original-title]")) {
            text.append(' ').append(e.text()).append(' ').append(e.attr("data-original-title")).append(' ')
                    .append(e.attr("title"));
        }
        Element header = doc.selectFirst("div.card.card-body");
        if (header != null) {
            text.append(' ').append(header.text());
        }
        String t = TgstatPageParser.words(text.toString());
        boolean red = t.contains("красная метка") || t.contains("красной меткой") || t.contains("red label")
                || t.contains("накрутк");
        boolean black = t.contains("черная метка") || t.contains("черной меткой") || t.contains("black label")
                || t.contains("скам") || t.contains("мошеннич");
        return new TgstatPageParser.Flags(red, black);
    }
}
