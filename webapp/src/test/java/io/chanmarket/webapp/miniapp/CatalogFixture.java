package io.chanmarket.webapp.miniapp;

import io.chanmarket.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/** Categories and channels written straight into this run's database, named in catalog words. */
public final class CatalogFixture implements AutoCloseable {

    private final Connection connection;

    public CatalogFixture() throws Exception {
        TestInfrastructure.Database db = TestInfrastructure.database();
        connection = DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    public long aCategory(String nameRu, String nameEn) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO category (slug, name_ru, name_en, sort_order) VALUES (?, ?, ?, -1) RETURNING id")) {
            ps.setString(1, "t-" + UUID.randomUUID());
            ps.setString(2, nameRu);
            ps.setString(3, nameEn);
            return single(ps);
        }
    }

    /** A channel with numbers; price and reach give its CPM. */
    public long aChannel(long categoryId, String title, long subscribers, long reach, long price, String country,
            int malePct) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO channel (category_id, username, title, description, tg_link, language, country, price_rub,
                    audience_age, gender_male_pct, gender_female_pct, geo_split, subscribers, avg_reach, err_pct)
                VALUES (?, ?, ?, ?, ?, 'ru', ?, ?, '25-34', ?, ?, ?::jsonb, ?, ?, ?) RETURNING id
                """)) {
            String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            ps.setLong(1, categoryId);
            ps.setString(2, username);
            ps.setString(3, title);
            ps.setString(4, "Описание канала " + title);
            ps.setString(5, "https://t.me/" + username);
            ps.setString(6, country);
            ps.setLong(7, price);
            ps.setInt(8, malePct);
            ps.setInt(9, 100 - malePct);
            ps.setString(10, "[{\"name\":\"" + country + "\",\"pct\":80.5}]");
            ps.setLong(11, subscribers);
            ps.setLong(12, reach);
            ps.setBigDecimal(13, java.math.BigDecimal.valueOf(reach * 100.0 / subscribers).setScale(2,
                    java.math.RoundingMode.HALF_UP));
            return single(ps);
        }
    }

    public void aReview(long channelId, String author, String text) throws Exception {
        execute("INSERT INTO channel_review (channel_id, author, text, rating) VALUES (" + channelId + ", '" + author
                + "', '" + text + "', 5)");
    }

    public void hide(long channelId) throws Exception {
        execute("UPDATE channel SET hidden = TRUE WHERE id = " + channelId);
    }

    /** The channel's parsed numbers were fetched just now. */
    public void markFresh(long channelId) throws Exception {
        execute("UPDATE channel SET metrics_updated_at = now() WHERE id = " + channelId);
    }

    public long count(String sql) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            return single(ps);
        }
    }

    public String text(String sql) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    public void execute(String sql) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.execute();
        }
    }

    private static long single(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
