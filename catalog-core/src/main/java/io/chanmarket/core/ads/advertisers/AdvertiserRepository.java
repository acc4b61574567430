package io.chanmarket.core.ads.advertisers;

import io.chanmarket.core.platform.db.Jdbc;
import io.chanmarket.core.platform.shared.PageOf;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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

    /** Advertisers whose name contains {@code search} (case-insensitive), by name, and how many match in all. */
    PageOf<AdvertiserSummary> search(String search, int page, int size) {
        String pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.read(c -> {
            List<AdvertiserSummary> items = new ArrayList<>();
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT a.advertiser_id, a.name, (SELECT count(*) FROM ad_campaign c
                           WHERE c.advertiser_id = a.advertiser_id AND NOT c.deleted), count(*) OVER ()
                      FROM ad_advertiser a WHERE a.name ILIKE ?
                     ORDER BY lower(a.name), a.advertiser_id OFFSET ? LIMIT ?""")) {
                ps.setString(1, pattern);
                ps.setLong(2, (long) (page - 1) * size);
                ps.setInt(3, size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new AdvertiserSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)));
                        total = rs.getLong(4);
                    }
                }
            }
            if (items.isEmpty()) {
                try (PreparedStatement ps = c
                        .prepareStatement("SELECT count(*) FROM ad_advertiser WHERE name ILIKE ?")) {
                    ps.setString(1, pattern);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            return new PageOf<>(items, page, size, total);
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
        jdbc.stream("SELECT client_id, advertiser_id, score FROM ad_ml_score",
                rs -> sink.accept(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)));
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
