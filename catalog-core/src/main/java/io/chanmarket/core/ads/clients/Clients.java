package io.chanmarket.core.ads.clients;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.ChangeBus;
import io.chanmarket.core.ads.Validation;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Clients of the ad engine: bulk create-or-update and lookup. */
@Singleton
public class Clients {

    /** Message on the {@link ChangeBus} when a client's data (or ML scores) changed: {@code client:<uuid>}. */
    public static final String CHANGED = "client:";
    /** Message on the {@link ChangeBus} when many clients changed at once. */
    public static final String ALL_CHANGED = "clients";

    static final int MAX_AGE = 150;
    private static final int MAX_BATCH = 10_000;

    private final ClientRepository repository;
    private final ChangeBus bus;

    Clients(ClientRepository repository, ChangeBus bus) {
        this.repository = repository;
        this.bus = bus;
    }

    /**
     * Creates or replaces every client in {@code upserts}, all or none. When an id repeats, the last one wins.
     *
     * @return the stored clients, in the order given
     */
    public List<Client> upsert(List<ClientUpsert> upserts) {
        List<Client> clients = Validation.eachOf(upserts, MAX_BATCH, "clients", Clients::validate);
        Map<UUID, Client> last = new LinkedHashMap<>();
        clients.forEach(client -> last.put(client.clientId(), client));
        repository.upsert(last.values());
        if (last.size() > 100) {
            bus.publish(ALL_CHANGED);
        } else {
            last.keySet().forEach(id -> bus.publish(CHANGED + id));
        }
        return clients;
    }

    private static Client validate(ClientUpsert upsert, String at) {
        UUID id = Validation.uuid(upsert.clientId(), at + "client_id");
        String login = Validation.text(upsert.login(), at + "login");
        int age = Validation.between(upsert.age(), at + "age", 0, MAX_AGE);
        String location = Validation.text(upsert.location(), at + "location");
        String gender = Validation.required(upsert.gender(), at + "gender");
        Client.Gender parsed;
        try {
            parsed = Client.Gender.valueOf(gender);
        } catch (IllegalArgumentException e) {
            throw new AdsException.Invalid(at + "gender must be MALE or FEMALE");
        }
        return new Client(id, login, age, location, parsed);
    }

    /** Every client, streamed (for warming caches). */
    public void forEach(java.util.function.Consumer<Client> sink) {
        repository.forEach(sink);
    }

    /**
     * Creates or replaces one client already checked by the caller (a Mini App viewer, whose age, location and gender
     * may be null), and tells serving to reload it.
     */
    public Client save(Client client) {
        repository.upsert(List.of(client));
        bus.publish(CHANGED + client.clientId());
        return client;
    }

    /** Creates {@code client} unless one with its id exists already; true when it was created. */
    public boolean createIfAbsent(Client client) {
        boolean created = repository.insertIfAbsent(client);
        if (created) {
            bus.publish(CHANGED + client.clientId());
        }
        return created;
    }

    public Optional<Client> find(UUID clientId) {
        return repository.find(clientId);
    }

    /** The client, or {@link AdsException.NotFound}. */
    public Client get(String clientId) {
        UUID id = Validation.uuid(clientId, "client_id");
        return find(id).orElseThrow(() -> new AdsException.NotFound("client " + id + " not found"));
    }
}
