package io.chanmarket.parsers.fetch;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The response cache in {@code parser_response_cache}, shared by every node. */
@Singleton
class JdbcResponseCache implements ResponseCache {

    private final TransactionOperations<Connection> tx;

    JdbcResponseCache(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Page> get(String url, Instant notBefore) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT status, body, charset, fetched_at FROM parser_response_cache"
                            + " WHERE url = ? AND fetched_at >= ?")) {
                ps.setString(1, url);
                ps.setTimestamp(2, Timestamp.from(notBefore));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Page(rs.getInt(1), rs.getBytes(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), true));
                }
            }
        });
    }

    @Override
    public void put(String url, Page page) {
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("INSERT INTO parser_response_cache (url, status, charset, body, fetched_at)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET status = excluded.status,"
                            + " charset = excluded.charset, body = excluded.body,"
                            + " fetched_at = excluded.fetched_at")) {
                ps.setString(1, url);
                ps.setInt(2, page.status());
                ps.setString(3, page.charset());
                ps.setBytes(4, page.body());
                ps.setTimestamp(5, Timestamp.from(page.fetchedAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void evictOlderThan(Instant before) {
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("DELETE FROM parser_response_cache WHERE fetched_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(before));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
