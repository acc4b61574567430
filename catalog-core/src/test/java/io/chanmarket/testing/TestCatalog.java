package io.chanmarket.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Catalog rows written straight into this run's database, in catalog words, for every module's tests:
 * {@code catalog.aChannel().inCategory(news).titled("Новости").withPrice(15_000).create()}. A channel needs nothing but
 * a title; what a test does not name gets a plausible value.
 */
public final class TestCatalog implements AutoCloseable {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final Connection connection;

    public TestCatalog() {
        TestInfrastructure.Database db = TestInfrastructure.database();
        try {
            connection = DriverManager.getConnection(db.url(), db.username(), db.password());
        } catch (SQLException e) {
            throw new IllegalStateException("the test database does not answer", e);
        }
    }

    /** A category with a unique slug, listed first ({@code sort_order} −1). */
    public long aCategory(String nameRu, String nameEn) {
        return queryLong("INSERT INTO category (slug, name_ru, name_en, sort_order) VALUES (?, ?, ?, -1) RETURNING id",
                "t-" + UUID.randomUUID(), nameRu, nameEn);
    }

    /** A category with made-up names. */
    public long aCategory() {
        long n = SEQ.incrementAndGet();
        return aCategory("Категория " + n, "Category " + n);
    }

    public ChannelBuilder aChannel() {
        return new ChannelBuilder();
    }

    /** A tracked link of the channel. */
    public long aLink(long channelId, String label) {
        return queryLong("INSERT INTO tracked_link (code, channel_id, label) VALUES (?, ?, ?) RETURNING id",
                "t" + SEQ.incrementAndGet(), channelId, label);
    }

    /** A Telegram user id no other test uses (not stored: events and favorites name users by id). */
    public static long aUserId() {
        return 7_000_000_000L + SEQ.incrementAndGet();
    }

    /** One event_log row; null ids are written as NULL. */
    public void event(String type, Instant at, Long user, Long category, Long channel, Long link) {
        execute("INSERT INTO event_log (occurred_at, type, user_id, category_id, channel_id, tracked_link_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)", java.sql.Timestamp.from(at), type, user, category, channel, link);
    }

    public void aReview(long channelId, String author, String text) {
        execute("INSERT INTO channel_review (channel_id, author, text, rating) VALUES (?, ?, ?, 5)", channelId, author,
                text);
    }

    public void hide(long channelId) {
        execute("UPDATE channel SET hidden = TRUE WHERE id = ?", channelId);
    }

    /** The channel's parsed numbers were fetched just now. */
    public void markFresh(long channelId) {
        execute("UPDATE channel SET metrics_updated_at = now() WHERE id = ?", channelId);
    }

    public long count(String sql) {
        return queryLong(sql);
    }

    public String text(String sql) {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long queryLong(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** A channel to create; {@link #create()} writes it and returns its id. */
    public final class ChannelBuilder {
        private Long categoryId;
        private String title = "Канал " + SEQ.incrementAndGet();
        private long subscribers = 10_000;
        private long reach = 2_500;
        private long priceRub = 5_000;
        private String country = "Россия";
        private int malePct = 50;

        private ChannelBuilder() {
        }

        public ChannelBuilder inCategory(long id) {
            categoryId = id;
            return this;
        }

        public ChannelBuilder titled(String value) {
            title = value;
            return this;
        }

        public ChannelBuilder withSubscribers(long value) {
            subscribers = value;
            return this;
        }

        /** Average post reach; with the subscribers it gives ERR, with the price the CPM. */
        public ChannelBuilder withReach(long value) {
            reach = value;
            return this;
        }

        public ChannelBuilder withPrice(long rubles) {
            priceRub = rubles;
            return this;
        }

        public ChannelBuilder inCountry(String value) {
            country = value;
            return this;
        }

        public ChannelBuilder withMalePct(int value) {
            malePct = value;
            return this;
        }

        public long create() {
            String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return queryLong("""
                    INSERT INTO channel (category_id, username, title, description, tg_link, language, country,
                        price_rub, audience_age, gender_male_pct, gender_female_pct, geo_split, subscribers, avg_reach,
                        err_pct)
                    VALUES (?, ?, ?, ?, ?, 'ru', ?, ?, '25-34', ?, ?, ?::jsonb, ?, ?, ?) RETURNING id
                    """, categoryId, username, title, "Описание канала " + title, "https://t.me/" + username, country,
                    priceRub, malePct, 100 - malePct, "[{\"name\":\"" + country + "\",\"pct\":80.5}]", subscribers,
                    reach, BigDecimal.valueOf(reach * 100.0 / subscribers).setScale(2, RoundingMode.HALF_UP));
        }
    }
}
