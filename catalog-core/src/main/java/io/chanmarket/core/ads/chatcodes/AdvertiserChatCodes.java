package io.chanmarket.core.ads.chatcodes;

import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.platform.db.Jdbc;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time codes that link a Telegram chat to an advertiser (the bot's advertiser sign-in). A code is issued for one
 * advertiser, expires after {@code app.ads.chat-code-ttl} (default 15 minutes), works once, and is stored only as a
 * SHA-256 hash.
 */
@Singleton
public class AdvertiserChatCodes {

    /** 31 letters and digits without look-alikes (no 0/O, 1/I/L). */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    static final int LENGTH = 10;

    /** A freshly issued code; the plain code is shown only here. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record IssuedCode(UUID advertiserId, String code, Instant expiresAt) {
    }

    private final Jdbc jdbc;
    private final Advertisers advertisers;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    AdvertiserChatCodes(Jdbc jdbc, Advertisers advertisers, @Value("${app.ads.chat-code-ttl:15m}") Duration ttl) {
        this.jdbc = jdbc;
        this.advertisers = advertisers;
        this.ttl = ttl;
    }

    /** Issues a code for an existing advertiser ({@code AdsException.NotFound} otherwise). */
    public IssuedCode issue(String advertiserId) {
        UUID advertiser = advertisers.get(advertiserId).advertiserId();
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        Instant expires = Instant.now().plus(ttl);
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO advertiser_chat_code (code_hash, advertiser_id, expires_at) VALUES (?, ?, ?)")) {
                ps.setString(1, hash(code.toString()));
                ps.setObject(2, advertiser);
                ps.setTimestamp(3, Timestamp.from(expires));
                return ps.executeUpdate();
            }
        });
        return new IssuedCode(advertiser, code.toString(), expires);
    }

    /**
     * Redeems a code: when it exists, is unused and has not expired, marks it used by {@code telegramUserId} and
     * returns its advertiser. Case and surrounding spaces of the input do not matter.
     */
    public Optional<UUID> redeem(@Nullable String code, long telegramUserId) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (normalized.length() != LENGTH) {
            return Optional.empty();
        }
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE advertiser_chat_code SET used_at = now(), used_by = ?
                    WHERE code_hash = ? AND used_at IS NULL AND expires_at > now()
                    RETURNING advertiser_id""")) {
                ps.setLong(1, telegramUserId);
                ps.setString(2, hash(normalized));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
