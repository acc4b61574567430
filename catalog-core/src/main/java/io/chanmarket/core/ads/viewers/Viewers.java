package io.chanmarket.core.ads.viewers;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.clients.Client;
import io.chanmarket.core.ads.clients.Clients;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mini App users as viewers of the ad engine: each Telegram user is one engine client with a deterministic id (a
 * name-based UUID of {@code tg:<telegram id>}) and login {@code tg:<telegram id>}, created with unknown age, location
 * and gender the first time an ad is asked for them, and updated from the optional profile form.
 */
@Singleton
public class Viewers {

    private static final int MAX_REMEMBERED = 200_000;

    private final Clients clients;
    /** Telegram ids whose client is known to exist, so serving does not write per request. */
    private final Set<Long> created = ConcurrentHashMap.newKeySet();

    Viewers(Clients clients) {
        this.clients = clients;
    }

    /** The engine client id of a Telegram user. */
    public static UUID clientId(long telegramId) {
        return UUID.nameUUIDFromBytes(login(telegramId).getBytes(StandardCharsets.UTF_8));
    }

    public static String login(long telegramId) {
        return "tg:" + telegramId;
    }

    /** The viewer's client id, the client created (everything unknown) if it does not exist yet. */
    public UUID ensure(long telegramId) {
        UUID id = clientId(telegramId);
        if (!created.contains(telegramId)) {
            clients.createIfAbsent(new Client(id, login(telegramId), null, null, null));
            if (created.size() > MAX_REMEMBERED) {
                created.clear();
            }
            created.add(telegramId);
        }
        return id;
    }

    /** What the viewer has told so far; {@link ViewerProfile#UNKNOWN} when nothing. */
    public ViewerProfile profile(long telegramId) {
        return clients.find(clientId(telegramId)).map(c -> new ViewerProfile(c.age(), c.gender(), c.location()))
                .orElse(ViewerProfile.UNKNOWN);
    }

    /** Stores the viewer's profile in their engine client; serving picks it up at once (on every node). */
    public void save(long telegramId, ViewerProfile profile) {
        if (profile == null || !profile.valid()) {
            throw new AdsException.Invalid("the viewer profile is not valid");
        }
        clients.save(new Client(clientId(telegramId), login(telegramId), profile.age(), profile.location(),
                profile.gender()));
        created.add(telegramId);
    }
}
