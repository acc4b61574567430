package io.chanmarket.webapp.miniapp.auth;

import io.chanmarket.core.users.TelegramUser;
import io.chanmarket.webapp.json.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Telegram Mini App initData on the raw string, never on re-serialized data.
 *
 * <ul>
 * <li>First-party (with the bot token): {@code hash} must equal hex(HMAC_SHA256(HMAC_SHA256("WebAppData", token),
 * data_check_string)), compared in constant time.
 * <li>Third-party (with only the bot id): {@code signature} must be Telegram's Ed25519 signature of
 * {@code "<bot_id>:WebAppData\n"} + the data check string without {@code hash} and {@code signature}.
 * </ul>
 * The data check string is the decoded {@code key=value} pairs without {@code hash}, sorted, joined by {@code \n}. Then
 * {@code auth_date} must not be older than the maximum age (null or zero: no limit).
 */
public final class InitDataValidator {

    /** Telegram's Ed25519 public keys for third-party validation (raw, hex). */
    public static final String PRODUCTION_KEY = "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d";
    public static final String TEST_ENVIRONMENT_KEY = "40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec";
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** initData signed further ahead of our clock than this is refused (it would never expire). */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);
    /** Telegram user ids fit in a signed 53-bit integer. */
    static final long MAX_USER_ID = (1L << 53) - 1;

    private final byte[] secret;
    private final Long botId;
    private final PublicKey telegramKey;
    private final Duration maxAge;
    private final Clock clock;
    private final JsonMapper json;

    /**
     * @param botToken
     *            enables the first-party check (HMAC); null to use the third-party check
     * @param botId
     *            the bot id for the third-party check (used when there is no token)
     * @param telegramKeyHex
     *            Telegram's raw Ed25519 public key in hex
     */
    public InitDataValidator(@Nullable String botToken, @Nullable Long botId, String telegramKeyHex,
            @Nullable Duration maxAge, Clock clock, JsonMapper json) {
        this.secret = botToken == null || botToken.isBlank() ? null
                : hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        this.botId = botId;
        this.telegramKey = publicKey(telegramKeyHex);
        this.maxAge = maxAge;
        this.clock = clock;
        this.json = json;
    }

    /** The first-party secret key, {@code HMAC_SHA256("WebAppData", token)}. */
    public static byte[] secretKey(String botToken) {
        return hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Validates and decodes {@code raw}. */
    public InitData validate(String raw) throws InvalidInitData {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInitData("empty initData");
        }
        Map<String, String> fields = parse(raw);
        String hash = fields.get("hash");
        if (secret != null) {
            if (hash == null) {
                throw new InvalidInitData("no hash");
            }
            byte[] given;
            try {
                given = HexFormat.of().parseHex(hash);
            } catch (IllegalArgumentException e) {
                throw new InvalidInitData("hash is not hex");
            }
            byte[] expected = hmac(secret, dataCheckString(fields, false).getBytes(StandardCharsets.UTF_8));
            if (!MessageDigest.isEqual(expected, given)) {
                throw new InvalidInitData("hash mismatch");
            }
        } else if (botId != null) {
            verifySignature(fields);
        } else {
            throw new InvalidInitData("no bot token or bot id configured");
        }
        Instant authDate = authDate(fields);
        if (authDate.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw new InvalidInitData("auth_date in the future: " + authDate);
        }
        if (maxAge != null && !maxAge.isZero() && authDate.plus(maxAge).isBefore(clock.instant())) {
            throw new InvalidInitData("expired: auth_date " + authDate);
        }
        return new InitData(Map.copyOf(fields), user(fields), authDate, fields.get("start_param"));
    }

    private void verifySignature(Map<String, String> fields) throws InvalidInitData {
        String signature = fields.get("signature");
        if (signature == null) {
            throw new InvalidInitData("no signature");
        }
        byte[] sig;
        try {
            sig = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new InvalidInitData("signature is not base64url");
        }
        String message = botId + ":WebAppData\n" + dataCheckString(fields, true);
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(telegramKey);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(sig)) {
                throw new InvalidInitData("signature mismatch");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInitData("signature unusable");
        }
    }

    /** Decodes pair by pair ({@code +} is a space, each key and value percent-decoded once). */
    static Map<String, String> parse(String raw) throws InvalidInitData {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInitData("malformed pair");
            }
            try {
                String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (fields.put(key, value) != null) {
                    throw new InvalidInitData("duplicate key " + key);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInitData("malformed percent-encoding");
            }
        }
        return fields;
    }

    static String dataCheckString(Map<String, String> fields, boolean withoutSignature) {
        List<String> lines = new ArrayList<>();
        fields.forEach((key, value) -> {
            if (!key.equals("hash") && !(withoutSignature && key.equals("signature"))) {
                lines.add(key + "=" + value);
            }
        });
        lines.sort(null);
        return String.join("\n", lines);
    }

    private static Instant authDate(Map<String, String> fields) throws InvalidInitData {
        try {
            return Instant.ofEpochSecond(Long.parseLong(fields.getOrDefault("auth_date", "")));
        } catch (NumberFormatException e) {
            throw new InvalidInitData("auth_date missing or not a number");
        }
    }

    private TelegramUser user(Map<String, String> fields) throws InvalidInitData {
        String raw = fields.get("user");
        if (raw == null) {
            throw new InvalidInitData("no user");
        }
        try {
            JsonNode node = json.readValue(raw, JsonNode.class);
            JsonNode id = node.get("id");
            if (id == null || !id.isNumber()) {
                throw new InvalidInitData("user without id");
            }
            Number number = id.getNumberValue();
            if (!(number instanceof Integer || number instanceof Long) || Math.abs(number.longValue()) > MAX_USER_ID) {
                throw new InvalidInitData("user id outside the signed 53-bit range");
            }
            return new TelegramUser(number.longValue(), text(node, "first_name", ""), text(node, "last_name", null),
                    text(node, "username", null), text(node, "language_code", null), node.get("is_premium") != null
                            && node.get("is_premium").isBoolean() && node.get("is_premium").getBooleanValue());
        } catch (InvalidInitData e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInitData("user is not valid JSON");
        }
    }

    private static String text(JsonNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        // Telegram's text is taken as it comes, less what no text may hold (NUL, unpaired surrogates)
        return value != null && value.isString() ? Text.cleaned(value.getStringValue()) : fallback;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A raw 32-byte Ed25519 key (hex) as a Java public key. */
    static PublicKey publicKey(String rawHex) {
        try {
            byte[] raw = HexFormat.of().parseHex(rawHex);
            byte[] encoded = new byte[X509_ED25519_PREFIX.length + raw.length];
            System.arraycopy(X509_ED25519_PREFIX, 0, encoded, 0, X509_ED25519_PREFIX.length);
            System.arraycopy(raw, 0, encoded, X509_ED25519_PREFIX.length, raw.length);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a raw Ed25519 public key: " + rawHex, e);
        }
    }
}
