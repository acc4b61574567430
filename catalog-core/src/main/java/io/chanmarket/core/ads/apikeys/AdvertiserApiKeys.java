package io.chanmarket.core.ads.apikeys;

import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.platform.db.Jdbc;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys of advertisers (ad API auth mode {@code keys}): created and revoked in the admin panel, the plain key shown
 * once at creation, only its SHA-256 hash stored. A key opens its own advertiser's paths and nothing else.
 */
@Singleton
public class AdvertiserApiKeys {

    /** Every key starts with this, so a leaked key is easy to recognise in logs and scanners. */
    public static final String PREFIX = "cmk_";
    private static final int SHOWN_PREFIX = PREFIX.length() + 6;
    private static final int MAX_LABEL = 100;

    /** A key as listed: never the key itself. */
    public record ApiKey(UUID keyId, UUID advertiserId, String prefix, String label, Instant createdAt,
            @Nullable Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A freshly created key; {@code key} is shown only here. */
    public record CreatedKey(ApiKey apiKey, String key) {
    }

    private final Jdbc jdbc;
    private final Advertisers advertisers;
    private final SecureRandom random = new SecureRandom();

    AdvertiserApiKeys(Jdbc jdbc, Advertisers advertisers) {
        this.jdbc = jdbc;
        this.advertisers = advertisers;
    }

    /** Creates a key for an existing advertiser ({@code AdsException.NotFound} otherwise). */
    public CreatedKey create(UUID advertiserId, @Nullable String label) {
        UUID advertiser = advertisers.get(advertiserId).advertiserId();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.length() > MAX_LABEL) {
            cleanLabel = cleanLabel.substring(0, MAX_LABEL);
        }
        UUID keyId = UUID.randomUUID();
        String prefix = key.substring(0, SHOWN_PREFIX);
        String storedLabel = cleanLabel;
        Instant created = jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO advertiser_api_key (key_id, advertiser_id, key_hash, key_prefix, label)
                    VALUES (?, ?, ?, ?, ?) RETURNING created_at""")) {
                ps.setObject(1, keyId);
                ps.setObject(2, advertiser);
                ps.setString(3, hash(key));
                ps.setString(4, prefix);
                ps.setString(5, storedLabel);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getTimestamp(1).toInstant();
                }
            }
        });
        return new CreatedKey(new ApiKey(keyId, advertiser, prefix, storedLabel, created, null), key);
    }

    /** The advertiser's keys, newest first, revoked ones included. */
    public List<ApiKey> list(UUID advertiserId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT key_id, advertiser_id, key_prefix, label, created_at, revoked_at FROM advertiser_api_key
                    WHERE advertiser_id = ? ORDER BY created_at DESC, key_id""")) {
                ps.setObject(1, advertiserId);
                List<ApiKey> keys = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp revoked = rs.getTimestamp(6);
                        keys.add(new ApiKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getTimestamp(5).toInstant(),
                                revoked == null ? null : revoked.toInstant()));
                    }
                }
                return keys;
            }
        });
    }

    /** Revokes one of the advertiser's keys; false when there is no such active key. */
    public boolean revoke(UUID advertiserId, UUID keyId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE advertiser_api_key SET revoked_at = now()
                    WHERE advertiser_id = ? AND key_id = ? AND revoked_at IS NULL""")) {
                ps.setObject(1, advertiserId);
                ps.setObject(2, keyId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The advertiser an active key belongs to; empty for an unknown, malformed or revoked key. */
    public Optional<UUID> advertiserOf(@Nullable String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT advertiser_id FROM advertiser_api_key WHERE key_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, hash(key));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
