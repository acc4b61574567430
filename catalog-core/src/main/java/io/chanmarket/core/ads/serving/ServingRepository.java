package io.chanmarket.core.ads.serving;

import io.chanmarket.core.platform.db.Jdbc;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Singleton
class ServingRepository {

    /** Impressions and clicks stored for one campaign. */
    record Counts(long impressions, long clicks) {
    }

    private final Jdbc jdbc;

    ServingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Counts> counts(List<UUID> campaignIds) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id,
                           (SELECT count(*) FROM ad_impression i WHERE i.campaign_id = id),
                           (SELECT count(*) FROM ad_click k WHERE k.campaign_id = id)
                      FROM unnest(?::uuid[]) AS id""")) {
                ps.setArray(1, c.createArrayOf("uuid", campaignIds.toArray()));
                Map<UUID, Counts> counts = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getObject(1, UUID.class), new Counts(rs.getLong(2), rs.getLong(3)));
                    }
                }
                return counts;
            }
        });
    }

    /** Clients with the same targeting attributes, and how many there are. */
    /** Gender and age are null for a client whose profile does not say (a Mini App viewer who has not filled it). */
    record Segment(String gender, Integer age, String location, long clients) {
    }

    /** Every (gender, age, location) of the clients with its count: the audience sizes of the campaigns. */
    List<Segment> segments() {
        List<Segment> segments = new java.util.ArrayList<>();
        jdbc.stream("SELECT gender, age, location, count(*) FROM ad_client GROUP BY 1, 2, 3", rs -> segments
                .add(new Segment(rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3), rs.getLong(4))));
        return segments;
    }

    /** Impressions of each campaign stored on {@code day}. */
    Map<UUID, Long> impressionsOn(List<UUID> campaignIds, int day) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT campaign_id, count(*) FROM ad_impression
                     WHERE campaign_id = ANY (?) AND day = ? GROUP BY campaign_id""")) {
                ps.setArray(1, c.createArrayOf("uuid", campaignIds.toArray()));
                ps.setInt(2, day);
                Map<UUID, Long> counts = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    /** Every stored impression as (client, campaign), streamed. */
    void forEachImpression(java.util.function.BiConsumer<UUID, UUID> sink) {
        jdbc.stream("SELECT client_id, campaign_id FROM ad_impression",
                rs -> sink.accept(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
    }

    Set<UUID> seenBy(UUID clientId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT campaign_id FROM ad_impression WHERE client_id = ?")) {
                ps.setObject(1, clientId);
                Set<UUID> seen = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen.add(rs.getObject(1, UUID.class));
                    }
                }
                return seen;
            }
        });
    }

    /** The outcome of a click insert. */
    enum ClickOutcome {
        RECORDED, ALREADY_RECORDED, NO_IMPRESSION
    }

    ClickOutcome insertClick(UUID campaignId, UUID clientId, int day, double cost) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ad_click (campaign_id, client_id, day, cost)
                    SELECT campaign_id, client_id, ?, ? FROM ad_impression WHERE campaign_id = ? AND client_id = ?
                    ON CONFLICT (campaign_id, client_id) DO NOTHING""")) {
                ps.setInt(1, day);
                ps.setBigDecimal(2, BigDecimal.valueOf(cost));
                ps.setObject(3, campaignId);
                ps.setObject(4, clientId);
                if (ps.executeUpdate() == 1) {
                    return ClickOutcome.RECORDED;
                }
            }
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT 1 FROM ad_impression WHERE campaign_id = ? AND client_id = ?")) {
                ps.setObject(1, campaignId);
                ps.setObject(2, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? ClickOutcome.ALREADY_RECORDED : ClickOutcome.NO_IMPRESSION;
                }
            }
        });
    }
}
