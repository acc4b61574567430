package io.chanmarket.webapp.miniapp;

import io.chanmarket.webapp.miniapp.auth.InitDataValidator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** initData signed the way Telegram signs it, for a test bot token. */
public final class SignedInitData {

    public static final String BOT_TOKEN = "7000000001:TEST-chanmarket-token";

    private SignedInitData() {
    }

    /** A user (names, language) signed now, optionally with a start parameter. */
    public static String forUser(long id, String firstName, String language, String startParam) {
        return forUser(id, firstName, language, startParam, Instant.now());
    }

    public static String forUser(long id, String firstName, String language, String startParam, Instant authDate) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAH" + id);
        fields.put("user", "{\"id\":" + id + ",\"first_name\":\"" + firstName + "\",\"language_code\":\"" + language
                + "\",\"allows_write_to_pm\":true}");
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        if (startParam != null) {
            fields.put("start_param", startParam);
        }
        return sign(fields, BOT_TOKEN);
    }

    /** Encodes {@code fields} and appends their hash for {@code token}. */
    public static String sign(Map<String, String> fields, String token) {
        String check = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .collect(Collectors.joining("\n"));
        String hash = HexFormat.of().formatHex(hmac(InitDataValidator.secretKey(token), check));
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&hash=" + hash;
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
