package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.platform.db.Jdbc;
import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.ads.AdApi;
import io.chanmarket.webapp.ads.bench.BenchNode;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The application with the sponsored card switched on, on a database of its own: a viewer with an unknown profile
 * matches every untargeted campaign, so these tests must not share campaigns with the other ad-engine tests of the run
 * (nor leave untargeted ones for them). Campaigns run from day 0, the fresh engine's current day.
 */
final class SponsoredFixture implements AutoCloseable {

    final BenchNode node;
    final AdApi api;

    SponsoredFixture(Map<String, Object> extra) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("app.catalog.demo-data", "false");
        props.put("app.miniapp.bot-token", SignedInitData.BOT_TOKEN);
        props.put("app.miniapp.sponsored.enabled", "true");
        props.putAll(extra);
        node = new BenchNode(System.getenv("TEST_DATABASE_URL"), System.getenv("TEST_DATABASE_USER"),
                TestInfrastructure.redisUri().orElse(null), props);
        api = node.api();
    }

    URI uri() {
        return node.uri();
    }

    String advertiser() {
        String id = UUID.randomUUID().toString();
        AdApi.Reply reply = api.post("/advertisers/bulk", List.of(Map.of("advertiser_id", id, "name", "Adv " + id)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return id;
    }

    /** A campaign running days 0–30 with the given targeting (empty: everyone); returns its id. */
    String campaign(String advertiser, String title, String text, Map<String, Object> targeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("impressions_limit", 100);
        body.put("clicks_limit", 100);
        body.put("cost_per_impression", 1.0);
        body.put("cost_per_click", 2.0);
        body.put("ad_title", title);
        body.put("ad_text", text);
        body.put("start_date", 0);
        body.put("end_date", 30);
        body.put("targeting", targeting);
        AdApi.Reply reply = api.post("/advertisers/" + advertiser + "/campaigns", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.field("campaign_id");
    }

    Map<String, Object> stats(String campaign) {
        AdApi.Reply reply = api.get("/stats/campaigns/" + campaign);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** A category with one channel, straight into this node's database; returns the category id. */
    long aCategoryWithAChannel(String nameRu, String nameEn, String channelTitle) {
        return node.bean(Jdbc.class).inTransaction(c -> {
            long category;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO category (slug, name_ru, name_en, sort_order) VALUES (?, ?, ?, -1) RETURNING id")) {
                ps.setString(1, "t-" + UUID.randomUUID());
                ps.setString(2, nameRu);
                ps.setString(3, nameEn);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    category = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO channel (category_id, username, title, tg_link, language, country, price_rub,
                        subscribers, avg_reach) VALUES (?, ?, ?, ?, 'ru', 'Россия', 1000, 5000, 1000)""")) {
                String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                ps.setLong(1, category);
                ps.setString(2, username);
                ps.setString(3, channelTitle);
                ps.setString(4, "https://t.me/" + username);
                ps.executeUpdate();
            }
            return category;
        });
    }

    @Override
    public void close() throws Exception {
        node.close();
    }
}
