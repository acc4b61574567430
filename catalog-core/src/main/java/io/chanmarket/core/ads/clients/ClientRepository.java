package io.chanmarket.core.ads.clients;

import io.chanmarket.core.ads.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

@Singleton
class ClientRepository {

    private final Jdbc jdbc;

    ClientRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(Collection<Client> clients) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ad_client (client_id, login, age, location, gender) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (client_id) DO UPDATE SET login = excluded.login, age = excluded.age,
                        location = excluded.location, gender = excluded.gender""")) {
                for (Client client : clients) {
                    ps.setObject(1, client.clientId());
                    ps.setString(2, client.login());
                    ps.setInt(3, client.age());
                    ps.setString(4, client.location());
                    ps.setString(5, client.gender().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Every client, streamed in pages of 10,000 rows. */
    void forEach(java.util.function.Consumer<Client> sink) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT client_id, login, age, location, gender FROM ad_client")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Client(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                                rs.getString(4), Client.Gender.valueOf(rs.getString(5))));
                    }
                }
            }
            return null;
        });
    }

    Optional<Client> find(UUID id) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT login, age, location, gender FROM ad_client WHERE client_id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Client(id, rs.getString(1), rs.getInt(2), rs.getString(3),
                            Client.Gender.valueOf(rs.getString(4)))) : Optional.empty();
                }
            }
        });
    }
}
