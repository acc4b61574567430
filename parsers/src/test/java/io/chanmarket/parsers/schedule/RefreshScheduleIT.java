package io.chanmarket.parsers.schedule;

import static io.chanmarket.parsers.CatalogRows.aChannel;
import static io.chanmarket.parsers.CatalogRows.aUsername;
import static io.chanmarket.parsers.CatalogRows.channel;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.ChannelRef;
import io.chanmarket.core.platform.shared.Leases;
import io.chanmarket.core.platform.shared.NodeIdentity;
import io.chanmarket.parsers.CatalogRows;
import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.StandInServer;
import io.chanmarket.parsers.StandInServer.Reply;
import io.chanmarket.parsers.refresh.ChannelRefresher;
import io.chanmarket.parsers.refresh.RefreshMark;
import io.chanmarket.parsers.refresh.RefreshOutcome;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The schedule and the on-open refresh against the stand-in TGStat and PostgreSQL: one node by lease, on-open requests
 * first, then due channels spread over the refresh interval.
 */
@MicronautTest(transactional = false)
class RefreshScheduleIT implements DatabaseTest {

    static final StandInServer TGSTAT = new StandInServer();

    @Inject
    RefreshSchedule schedule;
    @Inject
    ChannelRefresher refresher;
    @Inject
    Leases leases;
    @Inject
    NodeIdentity node;
    @Inject
    ChannelMetrics metrics;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("app.parsers.tgstat.base-url", TGSTAT.baseUrl(), "app.parsers.fetch.min-delay", "20ms",
                "app.parsers.fetch.jitter", "0", "app.parsers.refresh.on-open-max-age", "12h");
    }

    @AfterAll
    void stop() {
        TGSTAT.close();
    }

    @Test
    void anotherNodeHoldingTheLeaseKeepsThisNodeIdle() {
        String name = aUsername("idle");
        long id = aChannel(name, null);
        TGSTAT.serve("/channel/@" + name + "/stat", Reply.ok(Fixtures.rianStatPage()));
        refresher.refreshIfStale(id);
        leases.release(RefreshSchedule.LEASE, node.id());
        assertThat(leases.tryAcquire(RefreshSchedule.LEASE, "another-node", Duration.ofMinutes(1))).isTrue();
        try {
            assertThat(schedule.runOnce()).isEmpty();
            assertThat(TGSTAT.count("/channel/@" + name + "/stat")).isZero();
            assertThat(refresher.isRefreshing(id)).isTrue();
        } finally {
            leases.release(RefreshSchedule.LEASE, "another-node");
        }
    }

    @Test
    void onOpenRequestsGoFirstThenOneDueChannelThenTheScheduleWaitsItsTurn() {
        CatalogRows.everyChannelFresh();
        String opened = aUsername("opened");
        String due = aUsername("due");
        long openedId = aChannel(opened, null);
        long dueId = aChannel(due, null);
        long demoId = CatalogRows.aDemoChannel(aUsername("demo"));
        long freshId = aChannel(aUsername("fresh"), null);
        CatalogRows.update("UPDATE channel SET metrics_updated_at = now() - interval '1 hour' WHERE id = ?", freshId);
        TGSTAT.serve("/channel/@" + opened + "/stat", Reply.ok(Fixtures.rianStatPage()));
        TGSTAT.serve("/channel/@" + due + "/stat", Reply.ok(Fixtures.rianStatPage()));

        long before = System.nanoTime();
        RefreshMark mark = refresher.refreshIfStale(openedId);
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(mark).isEqualTo(new RefreshMark(true, true));
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(TGSTAT.count("/channel/@" + opened + "/stat")).isZero();
        assertThat(refresher.refreshIfStale(freshId)).isEqualTo(new RefreshMark(false, false));
        assertThat(refresher.refreshIfStale(demoId)).isEqualTo(new RefreshMark(false, false));

        List<RefreshOutcome> round = schedule.runOnce();

        assertThat(round).extracting(RefreshOutcome::channelId).containsSubsequence(openedId, dueId)
                .doesNotContain(demoId, freshId);
        assertThat(round).allSatisfy(o -> assertThat(o.tgstat()).isEqualTo(ResultStatus.OK));
        assertThat(refresher.isRefreshing(openedId)).isFalse();
        assertThat(channel(openedId).get("subscribers")).isEqualTo(3_039_296L);
        assertThat(channel(dueId).get("subscribers")).isEqualTo(3_039_296L);
        assertThat(channel(demoId).get("metrics_updated_at")).isNull();
        assertThat(refresher.refreshIfStale(openedId)).isEqualTo(new RefreshMark(false, false));

        // the next due channel waits for its share of the interval (24 h ÷ channels), not the next round
        long another = aChannel(aUsername("next"), null);
        assertThat(schedule.runOnce()).isEmpty();
        assertThat(channel(another).get("metrics_updated_at")).isNull();
        assertThat(schedule.spacing()).isEqualTo(Duration.ofHours(24).dividedBy(
                CatalogRows.count("SELECT count(*) FROM channel WHERE NOT is_demo AND username IS NOT NULL")));
    }

    @Test
    void aChannelThatJustFailedIsNotAskedForAgainOnOpen() {
        String name = aUsername("failing");
        long id = aChannel(name, null);
        TGSTAT.serve("/channel/@" + name + "/stat", Reply.ok(Fixtures.text("tgstat/not_found.html")));
        refresher.refreshIfStale(id);
        refresher.drainRequests(10);

        assertThat(refresher.refreshIfStale(id)).isEqualTo(new RefreshMark(true, false));
        assertThat(TGSTAT.count("/channel/@" + name + "/stat")).isEqualTo(1);
    }

    @Test
    void aFailingRefreshRequestNeverFailsTheCardThatAskedForIt() {
        String name = aUsername("gone");
        long id = aChannel(name, null);
        ChannelRef seenByTheCard = metrics.find(id).orElseThrow();
        CatalogRows.update("DELETE FROM channel WHERE id = ?", id);

        assertThat(refresher.refreshIfStale(seenByTheCard)).isEqualTo(new RefreshMark(true, false));
        assertThat(refresher.isRefreshing(id)).isFalse();
    }
}
