package io.chanmarket.core.ads.advertisers;

import io.chanmarket.core.ads.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class AdvertiserRepository {

    private final Jdbc jdbc;

    AdvertiserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(Collection<Advertiser> advertisers) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ad_advertiser (advertiser_id, name) VALUES (?, ?)
                    ON CONFLICT (advertiser_id) DO UPDATE SET name = excluded.name""")) {
                for (Advertiser advertiser : advertisers) {
                    ps.setObject(1, advertiser.advertiserId());
                    ps.setString(2, advertiser.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    Optional<Advertiser> find(UUID id) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM ad_advertiser WHERE advertiser_id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Advertiser(id, rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    void upsertScore(UUID clientId, UUID advertiserId, int score) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ad_ml_score (client_id, advertiser_id, score) VALUES (?, ?, ?)
                    ON CONFLICT (client_id, advertiser_id) DO UPDATE SET score = excluded.score""")) {
                ps.setObject(1, clientId);
                ps.setObject(2, advertiserId);
                ps.setInt(3, score);
                return ps.executeUpdate();
            }
        });
    }

    void forEachScore(Advertisers.ScoreSink sink) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT client_id, advertiser_id, score FROM ad_ml_score")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3));
                    }
                }
            }
            return null;
        });
    }

    Map<UUID, Integer> scoresOf(UUID clientId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT advertiser_id, score FROM ad_ml_score WHERE client_id = ?")) {
                ps.setObject(1, clientId);
                Map<UUID, Integer> scores = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        scores.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    }
                }
                return scores;
            }
        });
    }
}
