package io.chanmarket.webapp.ads.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays on a fresh engine (this run's PostgreSQL server and Redis): every statistics endpoint matches the replay's
 * ledger, no 5xx, no ad breaks its targeting or dates, no campaign passes its limit, and the engine earns more and
 * shows more relevant ads than AdNova's baseline computed on the same visits.
 */
class ReplayIT {

    @Test
    void thePublicDataSetReplaysWithExactStatistics() throws Exception {
        Replay.Result result = replay(DataSet.fromResources().firstClients(60), new Replay.Options(7, 0.5, 8, 8));
        assertKeepsTheRules(result);
        assertThat(result.statsChecked()).isGreaterThan(40);
        assertThat(result.engine().impressions()).isPositive();
        assertThat(result.engine().clicks()).isPositive();
    }

    @Test
    void aGeneratedWorkloadBeatsTheBaseline() throws Exception {
        DataSet data = DataSet.generate(new DataSet.Spec(400, 12, 40, 5, 8, 1.0, 11));
        Replay.Result result = replay(data, new Replay.Options(11, 1.0, 4, 8));
        assertKeepsTheRules(result);
        assertThat(result.baseline().impressions()).isPositive();
        assertThat(result.engine().revenue()).isGreaterThan(result.baseline().revenue());
        assertThat(result.engine().averageMlScore()).isGreaterThan(result.baseline().averageMlScore());
        assertThat(AdReplayMain.json("test", new Replay.Options(11, 1.0, 4, 8), data, Map.of("weighted", result)))
                .extractingByKey("policies").asString().contains("error_5xx_count=0", "targets_met=true");
    }

    private static Replay.Result replay(DataSet data, Replay.Options options) throws Exception {
        try (BenchNode node = new BenchNode(System.getenv("TEST_DATABASE_URL"), System.getenv("TEST_DATABASE_USER"),
                TestInfrastructure.redisUri().orElse(null), Map.of())) {
            return new Replay(node.api(), data, options).run();
        }
    }

    private static void assertKeepsTheRules(Replay.Result result) {
        assertThat(result.statsMismatches()).isEmpty();
        assertThat(result.error5xx()).isZero();
        assertThat(result.targetingErrors()).isZero();
        assertThat(result.engine().overLimit()).isZero();
        assertThat(result.engine().exceedImpressionsLimit()).isZero();
    }
}
