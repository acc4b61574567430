package io.chanmarket.core.ads.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanmarket.testing.LlmStandIn;
import io.micronaut.serde.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The chat-completions client against a local stand-in: answers, slow answers, 5xx, malformed replies, the limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmClientTest {

    private LlmStandIn llm;

    @BeforeAll
    void start() {
        llm = new LlmStandIn();
    }

    @AfterAll
    void stop() {
        llm.close();
    }

    private LlmClient client(int maxAttempts, int maxConcurrent) {
        return client(maxAttempts, maxConcurrent, Duration.ofSeconds(5));
    }

    private LlmClient client(int maxAttempts, int maxConcurrent, Duration timeout) {
        return new LlmClient(new LlmSettings(llm.baseUrl(), "test-model", "secret-key", timeout, maxAttempts,
                Duration.ofMillis(20), maxConcurrent, 100), ObjectMapper.getDefault());
    }

    @Test
    void aNormalAnswerIsTheFirstChoicesContent() {
        llm.behave(new LlmStandIn.Answer("  Buy our coffee today!  ", 0));
        assertThat(client(3, 2).complete("be brief", "Coffee shop / Morning sale")).isEqualTo("Buy our coffee today!");
        assertThat(llm.requests()).isEqualTo(1);
        assertThat(llm.bodies().get(0)).contains("\"model\":\"test-model\"").contains("\"role\":\"system\"")
                .contains("be brief").contains("Morning sale").contains("\"max_tokens\":100");
        assertThat(llm.authorizations()).containsExactly("Bearer secret-key");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilAnAnswer() {
        llm.behave(new LlmStandIn.FailThenAnswer(2, 500, "Third time lucky"));
        assertThat(client(3, 2).complete("s", "u")).isEqualTo("Third time lucky");
        assertThat(llm.requests()).isEqualTo(3);
    }

    @Test
    void persistentServerErrorsFailWithTheStatusAfterEveryAttempt() {
        llm.behave(new LlmStandIn.Status(500));
        assertThatThrownBy(() -> client(3, 2).complete("s", "u")).isInstanceOf(LlmException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(llm.requests()).isEqualTo(3);
    }

    @Test
    void aClientErrorIsNotRetried() {
        llm.behave(new LlmStandIn.Status(401));
        assertThatThrownBy(() -> client(3, 2).complete("s", "u")).hasMessageContaining("refused")
                .hasMessageContaining("401");
        assertThat(llm.requests()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerTimesOutOnEveryAttempt() {
        llm.behave(new LlmStandIn.Answer("too late", 1500));
        long started = System.nanoTime();
        assertThatThrownBy(() -> client(2, 2, Duration.ofMillis(400)).complete("s", "u"))
                .hasMessageContaining("did not answer within 400 ms");
        assertThat(llm.requests()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void malformedRepliesFailAtOnce() {
        for (String body : List.of("not json at all", "{\"choices\":[]}", "{\"choices\":[{\"message\":{}}]}",
                "[1,2,3]")) {
            llm.behave(new LlmStandIn.Malformed(body));
            assertThatThrownBy(() -> client(3, 2).complete("s", "u")).as(body).hasMessageContaining("malformed");
            assertThat(llm.requests()).as(body).isEqualTo(1);
        }
    }

    @Test
    void atMostMaxConcurrentCompletionsRunAtOnce() {
        llm.behave(new LlmStandIn.Answer("ok", 150));
        LlmClient client = client(1, 2);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> client.complete("s", "u")));
        }
        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isEqualTo("ok"));
        assertThat(llm.requests()).isEqualTo(6);
        assertThat(llm.maxInFlight()).isEqualTo(2);
    }

    @Test
    void withoutAnEndpointItIsOff() {
        LlmClient off = new LlmClient(new LlmSettings(null, null, null, Duration.ofSeconds(1), 1, Duration.ZERO, 1, 10),
                ObjectMapper.getDefault());
        assertThat(off.configured()).isFalse();
        assertThatThrownBy(() -> off.complete("s", "u")).isInstanceOf(LlmException.NotConfigured.class);
    }
}
