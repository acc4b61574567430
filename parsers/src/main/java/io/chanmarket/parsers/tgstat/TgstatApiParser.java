package io.chanmarket.parsers.tgstat;

import io.chanmarket.parsers.fetch.Page;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.LabelMarker;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads TGStat API replies: the {@code {"status":"ok","response":...}} / {@code {"status":"error","error":"..."}}
 * envelope, {@code channels/get} (with {@code tgstat_restrictions} an empty array when there are none and an object
 * when there are) and {@code channels/stat} (nulls for small channels stay null).
 */
final class TgstatApiParser {

    private final JsonMapper json;

    public TgstatApiParser(JsonMapper json) {
        this.json = json;
    }

    /** The {@code response} of an API reply, or the classified failure. */
    public ParseResult<JsonNode> response(Page page) {
        if (page.status() == 401 || page.status() == 403) {
            return ParseResult.failed(ResultStatus.REFUSED, "TGStat API: token rejected (HTTP " + page.status() + ")");
        }
        JsonNode root;
        try {
            root = json.readValue(page.body(), JsonNode.class);
        } catch (IOException | RuntimeException e) {
            ParseResult<JsonNode> byStatus = TgstatHtmlSource.byStatus(page.status());
            return byStatus != null ? byStatus
                    : ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "TGStat API: reply is not JSON");
        }
        if (root == null || !root.isObject()) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "TGStat API: reply is not a JSON object");
        }
        String status = text(root, "status");
        if ("ok".equals(status) && root.get("response") != null && !root.get("response").isNull()) {
            return ParseResult.ok(root.get("response"));
        }
        if ("error".equals(status)) {
            return error(text(root, "error"));
        }
        if ("restricted".equals(status)) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, "TGStat asks for a captcha (suspected robot)");
        }
        return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "TGStat API: unexpected status '" + status + "'");
    }

    /** An error message, classified by its words (TGStat does not document codes). */
    static <T> ParseResult<T> error(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String reason = "TGStat API: " + (message == null ? "error without a message" : message);
        if ((m.contains("channel") && m.contains("not found")) || m.contains("не найден")
                || m.contains("channel_not_found")) {
            return ParseResult.failed(ResultStatus.NOT_FOUND, reason);
        }
        if (m.contains("limit") || m.contains("quota") || m.contains("exceeded") || m.contains("лимит")
                || m.contains("too many")) {
            return ParseResult.failed(ResultStatus.RATE_LIMITED, reason);
        }
        if (m.contains("restrict") || m.contains("banned") || m.contains("blocked") || m.contains("заблокирован")) {
            return ParseResult.failed(ResultStatus.RESTRICTED, reason);
        }
        return ParseResult.failed(ResultStatus.REFUSED, reason);
    }

    /** Combines {@code channels/get} and {@code channels/stat} responses into the same stats the page gives. */
    public ChannelStats stats(JsonNode channel, JsonNode stat) {
        JsonNode restrictions = channel.get("tgstat_restrictions");
        boolean labelsRead = restrictions != null && (restrictions.isObject() || restrictions.isArray());
        List<LabelMarker> markers = new ArrayList<>();
        if (restrictions != null && restrictions.isObject()) {
            for (Map.Entry<String, JsonNode> e : restrictions.entries()) {
                JsonNode v = e.getValue();
                boolean set = v != null && !v.isNull() && (v.isBoolean() ? v.getBooleanValue()
                        : !"0".equals(v.coerceStringValue()) && !"false".equalsIgnoreCase(v.coerceStringValue()));
                if (!set) {
                    continue;
                }
                LabelMarker.Kind kind = switch (e.getKey()) {
                case "red_label" -> LabelMarker.Kind.RED;
                case "black_label" -> LabelMarker.Kind.BLACK;
                default -> LabelMarker.Kind.UNKNOWN;
                };
                markers.add(new LabelMarker(kind, e.getKey() + " = " + v.coerceStringValue(),
                        "api:tgstat_restrictions." + e.getKey()));
            }
        }
        boolean red = markers.stream().anyMatch(m -> m.kind() == LabelMarker.Kind.RED);
        boolean black = markers.stream().anyMatch(m -> m.kind() == LabelMarker.Kind.BLACK);
        String username = text(channel, "username");
        String link = text(channel, "link");
        Long subscribers = integer(stat, "participants_count");
        if (subscribers == null) {
            subscribers = integer(channel, "participants_count");
        }
        String image = text(channel, "image640") != null ? text(channel, "image640") : text(channel, "image100");
        return new ChannelStats(text(channel, "title"), username == null ? null : username.replaceFirst("^@", ""),
                image == null ? null : image.startsWith("//") ? "https:" + image : image,
                link == null ? null : link.startsWith("http") ? link : "https://" + link, text(channel, "category"),
                text(channel, "country"), text(channel, "language"), subscribers, null, null, null,
                decimal(stat, "ci_index"), integer(stat, "mentioning_channels_count"), integer(stat, "mentions_count"),
                integer(stat, "forwards_count"), integer(stat, "avg_post_reach"), decimal(stat, "err_percent"),
                decimal(stat, "err24_percent"), integer(stat, "adv_post_reach_12h"),
                integer(stat, "adv_post_reach_24h"), integer(stat, "adv_post_reach_48h"), decimal(stat, "er_percent"),
                integer(stat, "posts_count"), null, null, false, red, black, null, null, Map.of(), List.of(),
                labelsRead, markers, List.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.coerceStringValue();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? new BigDecimal(v.getNumberValue().toString()) : new BigDecimal(v.coerceStringValue());
    }

    private static Long integer(JsonNode node, String field) {
        BigDecimal d = decimal(node, field);
        return d == null ? null : d.longValue();
    }
}
