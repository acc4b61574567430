package io.chanmarket.core.ads.clients;

import io.chanmarket.core.platform.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

@Singleton
class ClientRepository {

    private static final String INSERT = "INSERT INTO ad_client (client_id, login, age, location, gender)"
            + " VALUES (?, ?, ?, ?, ?)";

    private final Jdbc jdbc;

    ClientRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(Collection<Client> clients) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT + """

                    ON CONFLICT (client_id) DO UPDATE SET login = excluded.login, age = excluded.age,
                        location = excluded.location, gender = excluded.gender""")) {
                ps.setQueryTimeout(0); // a bulk upload: as long as its size needs, not a request's limit
                for (Client client : clients) {
                    bind(ps, client);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Every client, streamed in pages of 10,000 rows. */
    void forEach(java.util.function.Consumer<Client> sink) {
        jdbc.stream("SELECT client_id, login, age, location, gender FROM ad_client", rs -> {
            String gender = rs.getString(5);
            sink.accept(new Client(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, Integer.class),
                    rs.getString(4), gender == null ? null : Client.Gender.valueOf(gender)));
        });
    }

    /** Stores {@code client} unless a client with its id exists; true when it was created. */
    boolean insertIfAbsent(Client client) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT + " ON CONFLICT (client_id) DO NOTHING")) {
                bind(ps, client);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void bind(PreparedStatement ps, Client client) throws SQLException {
        ps.setObject(1, client.clientId());
        ps.setString(2, client.login());
        ps.setObject(3, client.age(), Types.INTEGER);
        ps.setString(4, client.location());
        ps.setString(5, client.gender() == null ? null : client.gender().name());
    }

    Optional<Client> find(UUID id) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT login, age, location, gender FROM ad_client WHERE client_id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String gender = rs.getString(4);
                    return Optional.of(new Client(id, rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3),
                            gender == null ? null : Client.Gender.valueOf(gender)));
                }
            }
        });
    }
}
