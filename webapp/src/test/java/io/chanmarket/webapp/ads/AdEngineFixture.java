package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.Application;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Business-worded set-up for ad-engine tests over HTTP: clients, advertisers and campaigns in a location of their own
 * (so tests sharing the run's database never see each other's ads), and the current day.
 */
public final class AdEngineFixture {

    private final AdApi api;
    /** A location used only by this fixture's clients and campaigns. */
    public final String town = "Town-" + UUID.randomUUID();

    public AdEngineFixture(AdApi api) {
        this.api = api;
    }

    /** Starts the application on this run's PostgreSQL and Redis, on a random port. */
    public static Application.Running startNode(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties());
        props.put("micronaut.server.port", "-1");
        props.putAll(extra);
        return Application.start(new String[0], props);
    }

    public static AdApi apiOf(Application.Running app) {
        return new AdApi(app.context().getBean(EmbeddedServer.class).getURI());
    }

    /** The current day, read from the database (other test classes share it and move it). */
    public static int today() {
        var db = TestInfrastructure.database();
        return today(db.url(), db.username(), db.password());
    }

    /** The current day of the engine whose database is {@code url}. */
    public static int today(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                ResultSet rs = c.createStatement().executeQuery("SELECT current_day FROM ad_clock")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void advanceTo(int day) {
        AdApi.Reply reply = api.post("/time/advance", Map.of("current_date", day));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    public Map<String, Object> clientBody(String id, int age, String gender) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("client_id", id);
        client.put("login", "login-" + id.substring(0, 8));
        client.put("age", age);
        client.put("location", town);
        client.put("gender", gender);
        return client;
    }

    /** A client in {@link #town}. */
    public String client(int age, String gender) {
        String id = UUID.randomUUID().toString();
        AdApi.Reply reply = api.post("/clients/bulk", List.of(clientBody(id, age, gender)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return id;
    }

    public List<String> clients(int count) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            bodies.add(clientBody(id, 20 + i % 40, i % 2 == 0 ? "MALE" : "FEMALE"));
        }
        AdApi.Reply reply = api.post("/clients/bulk", bodies);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return ids;
    }

    public String advertiser() {
        String id = UUID.randomUUID().toString();
        AdApi.Reply reply = api.post("/advertisers/bulk", List.of(Map.of("advertiser_id", id, "name", "Adv " + id)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return id;
    }

    public void score(String client, String advertiser, int score) {
        AdApi.Reply reply = api.post("/ml-scores",
                Map.of("client_id", client, "advertiser_id", advertiser, "score", score));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** A campaign body running from today for 10 days, targeting {@link #town}; {@code changes} override fields. */
    public Map<String, Object> campaignBody(Map<String, Object> changes) {
        int today = today();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("impressions_limit", 100);
        body.put("clicks_limit", 100);
        body.put("cost_per_impression", 1.0);
        body.put("cost_per_click", 2.0);
        body.put("ad_title", "Title");
        body.put("ad_text", "Text");
        body.put("start_date", today);
        body.put("end_date", today + 10);
        Map<String, Object> targeting = new HashMap<>();
        targeting.put("location", town);
        body.put("targeting", targeting);
        body.putAll(changes);
        return body;
    }

    /** Creates a campaign and returns its id. */
    public String campaign(String advertiser, Map<String, Object> changes) {
        AdApi.Reply reply = api.post("/advertisers/" + advertiser + "/campaigns", campaignBody(changes));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.field("campaign_id");
    }

    public AdApi.Reply ad(String client) {
        return api.get("/ads?client_id=" + client);
    }

    public Map<String, Object> stats(String campaign) {
        AdApi.Reply reply = api.get("/stats/campaigns/" + campaign);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
