package io.chanmarket.core.ads.campaigns;

import io.chanmarket.core.platform.db.Jdbc;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class CampaignRepository {

    private static final String COLUMNS = """
            campaign_id, advertiser_id, impressions_limit, clicks_limit, cost_per_impression, cost_per_click,
            ad_title, ad_text, start_date, end_date, target_gender, target_age_from, target_age_to, target_location""";

    /** The columns read: the stored ones and the image's object key. */
    private static final String SELECTED = COLUMNS
            + ", (SELECT i.object_key FROM ad_campaign_image i WHERE i.campaign_id = ad_campaign.campaign_id), stopped";

    private final Jdbc jdbc;
    private final String imageUrlPrefix;

    CampaignRepository(Jdbc jdbc, @Value("${app.ads.images.url-prefix:/ad_images/}") String imageUrlPrefix) {
        this.jdbc = jdbc;
        this.imageUrlPrefix = imageUrlPrefix;
    }

    void insert(Campaign campaign) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ad_campaign (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, campaign.campaignId());
                ps.setObject(2, campaign.advertiserId());
                setFields(ps, campaign, 3);
                return ps.executeUpdate();
            }
        });
    }

    boolean update(Campaign campaign) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ad_campaign SET impressions_limit = ?, clicks_limit = ?, cost_per_impression = ?,
                        cost_per_click = ?, ad_title = ?, ad_text = ?, start_date = ?, end_date = ?,
                        target_gender = ?, target_age_from = ?, target_age_to = ?, target_location = ?
                    WHERE campaign_id = ? AND NOT deleted""")) {
                setFields(ps, campaign, 1);
                ps.setObject(13, campaign.campaignId());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void setFields(PreparedStatement ps, Campaign campaign, int first) throws SQLException {
        int i = first;
        ps.setInt(i++, campaign.impressionsLimit());
        ps.setInt(i++, campaign.clicksLimit());
        ps.setBigDecimal(i++, BigDecimal.valueOf(campaign.costPerImpression()));
        ps.setBigDecimal(i++, BigDecimal.valueOf(campaign.costPerClick()));
        ps.setString(i++, campaign.adTitle());
        ps.setString(i++, campaign.adText());
        ps.setInt(i++, campaign.startDate());
        ps.setInt(i++, campaign.endDate());
        Targeting t = campaign.targeting();
        ps.setString(i++, t.gender());
        ps.setObject(i++, t.ageFrom(), Types.INTEGER);
        ps.setObject(i++, t.ageTo(), Types.INTEGER);
        ps.setString(i, t.location());
    }

    /** Stops or resumes a live campaign; false when there is none. */
    boolean setStopped(UUID id, boolean stopped, String by) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ad_campaign SET stopped = ?, stopped_at = CASE WHEN ? THEN now() END,
                           stopped_by = CASE WHEN ? THEN ? END
                     WHERE campaign_id = ? AND NOT deleted""")) {
                ps.setBoolean(1, stopped);
                ps.setBoolean(2, stopped);
                ps.setBoolean(3, stopped);
                ps.setString(4, by);
                ps.setObject(5, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Replaces the title and text of a live campaign only while they are still {@code expectedTitle} and
     * {@code expectedText} (an optimistic check); false otherwise.
     */
    boolean updateTexts(UUID id, String expectedTitle, String expectedText, String title, String text) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ad_campaign SET ad_title = ?, ad_text = ?
                     WHERE campaign_id = ? AND NOT deleted AND ad_title = ? AND ad_text = ?""")) {
                ps.setString(1, title);
                ps.setString(2, text);
                ps.setObject(3, id);
                ps.setString(4, expectedTitle);
                ps.setString(5, expectedText);
                return ps.executeUpdate() == 1;
            }
        });
    }

    void delete(UUID id) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("UPDATE ad_campaign SET deleted = TRUE WHERE campaign_id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate();
            }
        });
    }

    Optional<Campaign> find(UUID id) {
        List<Campaign> found = query("SELECT " + SELECTED + " FROM ad_campaign WHERE campaign_id = ? AND NOT deleted",
                id);
        return found.stream().findFirst();
    }

    List<Campaign> list(UUID advertiserId, long offset, int limit) {
        return query(
                "SELECT " + SELECTED
                        + " FROM ad_campaign WHERE advertiser_id = ? AND NOT deleted ORDER BY seq OFFSET ? LIMIT ?",
                advertiserId, offset, limit);
    }

    long count(UUID advertiserId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT count(*) FROM ad_campaign WHERE advertiser_id = ? AND NOT deleted")) {
                ps.setObject(1, advertiserId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    List<Campaign> activeOn(int day) {
        return query("SELECT " + SELECTED
                + " FROM ad_campaign WHERE NOT deleted AND NOT stopped AND start_date <= ? AND end_date >= ?"
                + " ORDER BY seq", day, day);
    }

    List<Campaign> startingBetween(int from, int to, int limit) {
        return query("SELECT " + SELECTED + " FROM ad_campaign WHERE NOT deleted AND NOT stopped"
                + " AND start_date BETWEEN ? AND ? ORDER BY start_date, seq LIMIT ?", from, to, limit);
    }

    List<UUID> allIdsOf(UUID advertiserId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT campaign_id FROM ad_campaign WHERE advertiser_id = ?")) {
                ps.setObject(1, advertiserId);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    private String imageUrl(String key) {
        return key == null ? null : imageUrlPrefix + key;
    }

    private List<Campaign> query(String sql, Object... params) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<Campaign> campaigns = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        campaigns.add(new Campaign(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5).doubleValue(),
                                rs.getBigDecimal(6).doubleValue(), rs.getString(7), rs.getString(8), rs.getInt(9),
                                rs.getInt(10),
                                new Targeting(rs.getString(11), rs.getObject(12, Integer.class),
                                        rs.getObject(13, Integer.class), rs.getString(14)),
                                imageUrl(rs.getString(15))).withStopped(rs.getBoolean(16)));
                    }
                }
                return campaigns;
            }
        });
    }
}
