package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.apikeys.AdvertiserApiKeys;
import io.chanmarket.webapp.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-caller limits on reports (anyone may file one: limited per client address, taken from the configured proxy
 * header) and on ad text generation (a paid LLM call: limited per advertiser); the operator is not limited (issue 14).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerLimitsIT {

    private Application.Running app;
    private AdApi operator;
    private URI base;
    private String campaign;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        app = AdEngineFixture.startNode(Map.of("app.ads.limits.reports-per-minute", "3",
                "app.ads.limits.texts-per-minute", "2", "app.ads.limits.address-header", "X-Forwarded-For"));
        operator = AdEngineFixture.apiOf(app).asOperator();
        base = operator.base();
        AdEngineFixture given = new AdEngineFixture(operator);
        campaign = given.campaign(given.advertiser(), Map.of());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<String> post(String path, String body, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type",
                "application/json");
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> report(String address) throws Exception {
        return post("/report", "{\"campaign_id\":\"" + campaign + "\",\"reason\":\"spam\"}", "X-Forwarded-For",
                "203.0.113.9, " + address);
    }

    @Test
    void reportsAreLimitedPerClientAddress() throws Exception {
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(200));
        for (int i = 0; i < 3; i++) {
            assertThat(report(address).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = report(address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("at most 3 reports a minute");
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        // another address is not affected, the operator never is
        assertThat(report("192.0.2.77").statusCode()).isEqualTo(201);
        AdApi.Reply byOperator = operator.post("/report", Map.of("campaign_id", campaign, "reason", "spam"));
        assertThat(byOperator.status()).as(byOperator.body()).isEqualTo(201);
    }

    @Test
    void textGenerationIsLimitedPerAdvertiser() throws Exception {
        AdEngineFixture given = new AdEngineFixture(operator);
        String first = given.advertiser();
        String second = given.advertiser();
        AdvertiserApiKeys keys = app.context().getBean(AdvertiserApiKeys.class);
        String firstKey = keys.create(UUID.fromString(first), "limits").key();
        String secondKey = keys.create(UUID.fromString(second), "limits").key();
        String body = "{\"campaign_title\":\"Coffee\"}";
        for (int i = 0; i < 2; i++) {
            // no LLM is configured here: 503 from the handler, but each call counts
            assertThat(post("/advertisers/" + first + "/ad-texts", body, "X-Api-Key", firstKey).statusCode())
                    .isEqualTo(503);
        }
        HttpResponse<String> refused = post("/advertisers/" + first + "/ad-texts", body, "X-Api-Key", firstKey);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.body()).contains("at most 2 text generations a minute");
        assertThat(post("/advertisers/" + second + "/ad-texts", body, "X-Api-Key", secondKey).statusCode())
                .isEqualTo(503);
    }
}
