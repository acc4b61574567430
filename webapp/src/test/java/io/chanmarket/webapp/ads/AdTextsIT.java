package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.LlmStandIn;
import io.chanmarket.webapp.Application;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** LLM-written ad texts over HTTP: asynchronous tasks against a local chat-completions stand-in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdTextsIT {

    private LlmStandIn llm;
    private Application.Running app;
    private AdApi api;
    private AdEngineFixture given;

    @BeforeAll
    void start() {
        llm = new LlmStandIn();
        app = AdEngineFixture
                .startNode(Map.of("app.ads.llm.base-url", llm.baseUrl(), "app.ads.llm.model", "stand-in-model",
                        "app.ads.llm.timeout", "1s", "app.ads.llm.max-attempts", "2", "app.ads.llm.backoff", "10ms"));
        api = AdEngineFixture.apiOf(app).asOperator();
    }

    @AfterAll
    void stop() {
        app.close();
        llm.close();
    }

    @BeforeEach
    void fixture() {
        given = new AdEngineFixture(api);
    }

    private Map<String, Object> finished(String advertiser, String taskId) {
        String path = "/advertisers/" + advertiser + "/ad-texts/" + taskId;
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            AdApi.Reply reply = api.get(path);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return reply;
        }, reply -> !"pending".equals(reply.field("status"))).json();
    }

    @Test
    void aTaskIsPendingAtOnceAndThenHoldsTheText() {
        llm.behave(new LlmStandIn.Answer("Morning coffee, half price until noon!", 0));
        String advertiser = given.advertiser();
        AdApi.Reply started = api.post("/advertisers/" + advertiser + "/ad-texts",
                Map.of("campaign_title", "Morning sale"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json()).containsEntry("status", "pending").containsEntry("advertiser_id", advertiser)
                .containsEntry("campaign_title", "Morning sale");
        String taskId = started.field("task_id");

        Map<String, Object> done = finished(advertiser, taskId);
        assertThat(done).containsEntry("status", "done").containsEntry("text",
                "Morning coffee, half price until noon!");
        assertThat(llm.bodies()).isNotEmpty().allSatisfy(body -> assertThat(body)
                .contains("Campaign title: Morning sale").contains("Advertiser: Adv ").contains("stand-in-model"));
    }

    @Test
    void aCampaignsTitleCanBeUsed() {
        llm.behave(new LlmStandIn.Answer("Ski season opens.", 0));
        String advertiser = given.advertiser();
        String campaign = given.campaign(advertiser, Map.of("ad_title", "Winter skis"));
        AdApi.Reply started = api.post("/advertisers/" + advertiser + "/ad-texts", Map.of("campaign_id", campaign));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json()).containsEntry("campaign_id", campaign).containsEntry("campaign_title",
                "Winter skis");
        assertThat(finished(advertiser, started.field("task_id"))).containsEntry("text", "Ski season opens.");
    }

    @Test
    void serverErrorsAreRetriedThenTheTaskFailsWithTheReason() {
        llm.behave(new LlmStandIn.Status(500));
        String advertiser = given.advertiser();
        String taskId = api.post("/advertisers/" + advertiser + "/ad-texts", Map.of("campaign_title", "Sale"))
                .field("task_id");
        Map<String, Object> failed = finished(advertiser, taskId);
        assertThat(failed).containsEntry("status", "failed");
        assertThat(failed.get("reason").toString()).contains("HTTP 500");
        assertThat(failed).doesNotContainKey("text");
        assertThat(llm.requests()).isEqualTo(2);
    }

    @Test
    void slowAndMalformedAnswersFailTheTask() {
        String advertiser = given.advertiser();
        llm.behave(new LlmStandIn.Answer("late", 2500));
        String slow = api.post("/advertisers/" + advertiser + "/ad-texts", Map.of("campaign_title", "Slow"))
                .field("task_id");
        assertThat(finished(advertiser, slow).get("reason").toString()).contains("did not answer within 1000 ms");

        llm.behave(new LlmStandIn.Malformed("{\"choices\": \"nope\"}"));
        String malformed = api.post("/advertisers/" + advertiser + "/ad-texts", Map.of("campaign_title", "Bad"))
                .field("task_id");
        assertThat(finished(advertiser, malformed).get("reason").toString()).contains("malformed");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        String advertiser = given.advertiser();
        String path = "/advertisers/" + advertiser + "/ad-texts";
        AdApi.Reply noTitle = api.post(path, Map.of());
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.field("message")).contains("campaign_title");
        assertThat(api.post(path, Map.of("campaign_title", " ")).field("message")).contains("campaign_title");
        assertThat(api.post(path, Map.of("campaign_title", "x".repeat(501))).status()).isEqualTo(400);
        assertThat(api.post(path, Map.of("campaign_id", "nope")).field("message")).contains("campaign_id");
        assertThat(api.post(path, Map.of("campaign_id", UUID.randomUUID().toString())).status()).isEqualTo(404);
        assertThat(api.post("/advertisers/not-a-uuid/ad-texts", Map.of("campaign_title", "t")).field("message"))
                .contains("advertiser_id");
        assertThat(api.post("/advertisers/" + UUID.randomUUID() + "/ad-texts", Map.of("campaign_title", "t")).status())
                .isEqualTo(404);
        assertThat(api.get(path + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get(path + "/bad").status()).isEqualTo(400);
    }

    @Test
    void withoutAnLlmEndpointGenerationIsUnavailable() {
        try (Application.Running off = AdEngineFixture.startNode(Map.of())) {
            AdApi offApi = AdEngineFixture.apiOf(off).asOperator();
            String advertiser = new AdEngineFixture(offApi).advertiser();
            AdApi.Reply reply = offApi.post("/advertisers/" + advertiser + "/ad-texts",
                    Map.of("campaign_title", "Sale"));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.field("message")).contains("app.ads.llm.base-url");
        }
    }
}
