package io.chanmarket.core.ads.viewers;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.clients.Client;
import io.chanmarket.core.ads.clients.Clients;
import io.chanmarket.core.platform.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mini App users as viewers of the ad engine: each Telegram user is one engine client with a random id (kept in
 * {@code ad_viewer}, so it cannot be computed from the Telegram id) and login {@code tg:<telegram id>}, created with
 * unknown age, location and gender the first time an ad is asked for them, and updated from the optional profile form.
 */
@Singleton
public class Viewers {

    private static final int MAX_REMEMBERED = 200_000;

    private final Clients clients;
    private final Jdbc jdbc;
    /** Client ids of Telegram users whose client is known to exist, so serving does not write per request. */
    private final Map<Long, UUID> known = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).<Long, UUID> build()
            .asMap();

    Viewers(Clients clients, Jdbc jdbc) {
        this.clients = clients;
        this.jdbc = jdbc;
    }

    /** The engine client id of a Telegram user, if they have one yet. */
    public Optional<UUID> clientId(long telegramId) {
        UUID cached = known.get(telegramId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT client_id FROM ad_viewer WHERE telegram_id = ?")) {
                ps.setLong(1, telegramId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    /** The viewer's client id, a random one assigned (and the client created) when they have none yet. */
    private UUID assign(long telegramId) {
        Optional<UUID> existing = clientId(telegramId);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID fresh = UUID.randomUUID();
        clients.createIfAbsent(new Client(fresh, login(telegramId), null, null, null));
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ad_viewer (telegram_id, client_id) VALUES (?, ?)
                    ON CONFLICT (telegram_id) DO UPDATE SET telegram_id = EXCLUDED.telegram_id
                    RETURNING client_id""")) {
                ps.setLong(1, telegramId);
                ps.setObject(2, fresh);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, UUID.class);
                }
            }
        });
    }

    private void remember(long telegramId, UUID clientId) {
        known.put(telegramId, clientId);
    }

    public static String login(long telegramId) {
        return "tg:" + telegramId;
    }

    /** The viewer's client id, the client created (everything unknown) if it does not exist yet. */
    public UUID ensure(long telegramId) {
        UUID cached = known.get(telegramId);
        if (cached != null) {
            return cached;
        }
        UUID id = assign(telegramId);
        remember(telegramId, id);
        return id;
    }

    /** What the viewer has told so far; {@link ViewerProfile#UNKNOWN} when nothing. */
    public ViewerProfile profile(long telegramId) {
        return clientId(telegramId).flatMap(clients::find)
                .map(c -> new ViewerProfile(c.age(), c.gender(), c.location())).orElse(ViewerProfile.UNKNOWN);
    }

    /** Stores the viewer's profile in their engine client; serving picks it up at once (on every node). */
    public void save(long telegramId, ViewerProfile profile) {
        if (profile == null || !profile.valid()) {
            throw new AdsException.Invalid("the viewer profile is not valid");
        }
        UUID id = ensure(telegramId);
        clients.save(new Client(id, login(telegramId), profile.age(), profile.location(), profile.gender()));
    }
}
