package io.chanmarket.webapp.ads.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replay of the public data set on a fresh engine (this run's PostgreSQL server and Redis): every statistics
 * endpoint matches the replay's ledger, no ad breaks its targeting or dates, no campaign passes its limit.
 */
class ReplayIT {

    @Test
    void theDataSetReplaysWithExactStatistics() throws Exception {
        String dbUrl = System.getenv("TEST_DATABASE_URL");
        try (BenchNode node = new BenchNode(dbUrl, System.getenv("TEST_DATABASE_USER"),
                TestInfrastructure.redisUri().orElse(null), Map.of())) {
            Replay.Result result = new Replay(node.api(), DataSet.fromResources().firstClients(60),
                    new Replay.Options(7, 0.5, 8, 8)).run();
            assertThat(result.statsMismatches()).isEmpty();
            assertThat(result.statsChecked()).isGreaterThan(40);
            assertThat(result.targetingErrors()).isZero();
            assertThat(result.overLimit()).isZero();
            assertThat(result.impressions()).isPositive();
            assertThat(result.clicks()).isPositive();
        }
    }
}
