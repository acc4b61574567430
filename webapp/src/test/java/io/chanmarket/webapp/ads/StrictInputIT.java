package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.webapp.Application;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Strict JSON input (issue 14, findings 2 and 3): no value of the wrong JSON type is coerced, no duplicated key or null
 * element is taken, no text with NUL or an unpaired surrogate is stored; each refusal is a 400 naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputIT {

    private Application.Running app;
    private AdApi api;
    private AdEngineFixture given;

    @BeforeAll
    void start() {
        app = AdEngineFixture.startNode(Map.of());
        api = AdEngineFixture.apiOf(app);
        given = new AdEngineFixture(api);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String client(String id, String age, String login) {
        return "[{\"client_id\":\"" + id + "\",\"login\":" + login + ",\"age\":" + age + ",\"location\":\"" + given.town
                + "\",\"gender\":\"MALE\"}]";
    }

    private void refused(String path, String body, String... inMessage) {
        AdApi.Reply reply = api.postRaw(path, body);
        assertThat(reply.status()).as(body + " -> " + reply.body()).isEqualTo(400);
        assertThat(reply.field("message")).as(body).contains(inMessage);
    }

    @Test
    void numbersAreNotCoerced() {
        for (String age : List.of("1.5", "30.0", "\"30\"", "[30]", "true", "\"٣٠\"", "1e1", "2147483648", "{}")) {
            String id = UUID.randomUUID().toString();
            refused("/clients/bulk", client(id, age, "\"l\""), "age");
            assertThat(api.get("/clients/" + id).status()).as(age).isEqualTo(404);
        }
        refused("/time/advance", "{\"current_date\":\"5\"}", "current_date");
        refused("/time/advance", "{\"current_date\":5.5}", "current_date");
        refused("/time/advance", "{\"current_date\":[5]}", "current_date");
    }

    @Test
    void stringsAreNotCoerced() {
        for (String login : List.of("123", "true", "[\"x\"]", "{}")) {
            String id = UUID.randomUUID().toString();
            refused("/clients/bulk", client(id, "30", login), "login");
            assertThat(api.get("/clients/" + id).status()).as(login).isEqualTo(404);
        }
    }

    @Test
    void duplicatedKeysAndNullElementsAreRefused() {
        String id = UUID.randomUUID().toString();
        refused("/clients/bulk", "[{\"client_id\":\"" + id + "\",\"login\":\"a\",\"login\":\"b\",\"age\":30,"
                + "\"location\":\"x\",\"gender\":\"MALE\"}]", "login");
        assertThat(api.get("/clients/" + id).status()).isEqualTo(404);
        String good = UUID.randomUUID().toString();
        refused("/clients/bulk", client(good, "30", "\"l\"").replace("]", ",null]"), "null");
        assertThat(api.get("/clients/" + good).status()).isEqualTo(404);
        refused("/advertisers/bulk", "[null]", "null");
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedNot5xx() {
        String id = UUID.randomUUID().toString();
        refused("/clients/bulk", client(id, "30", "\"a\\u0000b\""), "login", "NUL");
        refused("/clients/bulk", client(id, "30", "\"a\\ud800b\""), "login", "surrogate");
        refused("/advertisers/bulk", "[{\"advertiser_id\":\"" + id + "\",\"name\":\"x\\u0000\"}]", "name");
        assertThat(api.get("/clients/" + id).status()).isEqualTo(404);
        // a NUL in a query or path value is a 400 too, not a 503
        assertThat(api.get("/ads?client_id=%00").status()).isEqualTo(400);
        assertThat(api.get("/clients/%00").status()).isEqualTo(400);
        AdApi.Reply page = api.get("/app/categories/1?q=a%00b");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("NUL");
        // well-formed text with real surrogate pairs is fine
        AdApi.Reply ok = api.postRaw("/clients/bulk", client(id, "30", "\"эмодзи \\ud83d\\ude00\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }
}
