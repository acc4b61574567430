package io.chanmarket.core.catalog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.DatabaseTest;
import io.chanmarket.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parsers' write API on the catalog tables: values, history and CPM in one go. */
@MicronautTest(transactional = false)
class ChannelMetricsIT implements DatabaseTest {

    @Inject
    ChannelMetrics metrics;

    private static StatValues reach(Long avgReach, Long adReach24h) {
        return new StatValues(10_000L, avgReach, null, adReach24h, null, new BigDecimal("12.5"), null, null, null, null,
                null, false, true, false, "Россия", "ru", null);
    }

    @Test
    void cpmUsesThe24HourAdReachElseTheAverageReachAndNeedsAPrice() throws Exception {
        long priced = channel(new BigDecimal("3000"));
        long unpriced = channel(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        metrics.recordStats(priced, MetricSource.TGSTAT_HTML, reach(1_500L, 1_200L), now);
        assertThat(cpm(priced)).isEqualByComparingTo("2500.00");
        metrics.recordStats(priced, MetricSource.TGSTAT_HTML, reach(1_500L, null), now.plusSeconds(60));
        assertThat(cpm(priced)).isEqualByComparingTo("2000.00");
        metrics.recordStats(priced, MetricSource.TGSTAT_HTML, reach(null, null), now.plusSeconds(120));
        assertThat(cpm(priced)).isNull();
        metrics.recordStats(unpriced, MetricSource.TGSTAT_API, reach(1_500L, 1_200L), now);
        assertThat(cpm(unpriced)).isNull();

        assertThat(metrics.history(priced, null, 10)).extracting(MetricSnapshot::avgReach).containsExactly(null, 1_500L,
                1_500L);
        assertThat(metrics.history(priced, MetricSource.TGSTAT_API, 10)).isEmpty();
        assertThat(metrics.find(priced).orElseThrow().metricsUpdatedAt()).isEqualTo(now.plusSeconds(120));
    }

    @Test
    void staleChannelsComeNeverFetchedFirstAndWithoutDemoChannels() throws Exception {
        long never = channel(null);
        long old = channel(null);
        metrics.recordStats(old, MetricSource.TGSTAT_HTML, reach(1L, 1L), Instant.now().minus(3, ChronoUnit.DAYS));
        execute("INSERT INTO channel (username, title, is_demo) VALUES ('demo_" + UUID.randomUUID() + "', 'd', TRUE)");

        var stale = metrics.staleChannels(Instant.now().minus(1, ChronoUnit.DAYS), 1_000);

        assertThat(stale).extracting(ChannelRef::id).containsSubsequence(never, old);
        assertThat(stale).noneMatch(ChannelRef::demo);
    }

    private static long channel(BigDecimal price) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c
                .prepareStatement("INSERT INTO channel (username, title, price_rub) VALUES (?, 't', ?) RETURNING id")) {
            ps.setString(1, "m_" + UUID.randomUUID().toString().substring(0, 8));
            ps.setBigDecimal(2, price);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static BigDecimal cpm(long id) throws Exception {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT cpm_rub FROM channel WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private static Connection connect() throws Exception {
        TestInfrastructure.Database db = TestInfrastructure.database();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }
}
