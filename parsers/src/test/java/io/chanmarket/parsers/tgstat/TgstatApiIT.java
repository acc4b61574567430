package io.chanmarket.parsers.tgstat;

import static io.chanmarket.parsers.CatalogRows.aChannel;
import static io.chanmarket.parsers.CatalogRows.aUsername;
import static io.chanmarket.parsers.CatalogRows.channel;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.MetricSource;
import io.chanmarket.parsers.CatalogRows;
import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.StandInServer;
import io.chanmarket.parsers.StandInServer.Reply;
import io.chanmarket.parsers.refresh.RefreshOutcome;
import io.chanmarket.parsers.refresh.RefreshRunner;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** With an API token the refresh uses the TGStat API (stand-in serving the documented replies) instead of the pages. */
@MicronautTest(transactional = false)
class TgstatApiIT implements DatabaseTest {

    static final StandInServer API = new StandInServer();

    @Inject
    RefreshRunner runner;
    @Inject
    ChannelMetrics metrics;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("app.parsers.tgstat.api-url", API.baseUrl(), "app.parsers.tgstat.api-token", "secret-token",
                "app.parsers.fetch.min-delay", "20ms", "app.parsers.fetch.jitter", "0",
                "app.parsers.fetch.backoff-base", "50ms");
    }

    @AfterAll
    void stop() {
        API.close();
    }

    @Test
    void aRestrictedChannelGetsItsLabelsAndTheSmallChannelsNullsStayNull() {
        API.serve("/channels/get", Reply.json(Fixtures.text("tgstat/api/channels_get.json")));
        API.serve("/channels/stat", Reply.json(Fixtures.text("tgstat/api/channels_stat.small_channel_nulls.json")));
        long id = aChannel(aUsername("varlamov"), new BigDecimal("2000"));

        RefreshOutcome outcome = runner.refresh(metrics.find(id).orElseThrow());

        assertThat(outcome.tgstat()).isEqualTo(ResultStatus.OK);
        Map<String, Object> row = channel(id);
        assertThat(row.get("red_label")).isEqualTo(true);
        assertThat(row.get("black_label")).isEqualTo(true);
        assertThat(row.get("subscribers")).isEqualTo(197L);
        assertThat(row.get("ad_reach_24h")).isNull();
        assertThat(row.get("citation_index")).isNull();
        // no 24 h ad reach: CPM from the average reach, 2000 ÷ 95 × 1000
        assertThat((BigDecimal) row.get("cpm_rub")).isEqualByComparingTo("21052.63");
        assertThat(metrics.history(id, MetricSource.TGSTAT_API, 5)).hasSize(1);
        assertThat(API.seen()).filteredOn(s -> s.path().startsWith("/channels/")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.path()).contains("token=secret-token"));
        assertThat(CatalogRows.count("SELECT count(*) FROM parser_response_cache WHERE url LIKE '%secret-token%'"))
                .isZero();
    }

    @Test
    void anErrorReplyIsRecordedAndWritesNothing() {
        API.script("/channels/get", Reply.json("{\"status\":\"error\",\"error\":\"Requests limit exceeded\"}"));
        long id = aChannel(aUsername("quota"), null);

        assertThat(runner.refresh(metrics.find(id).orElseThrow()).tgstat()).isEqualTo(ResultStatus.RATE_LIMITED);
        assertThat(channel(id).get("metrics_updated_at")).isNull();
    }
}
