package io.chanmarket.core.ads.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Targeting;
import io.chanmarket.core.ads.clients.Client;
import io.chanmarket.core.platform.shared.InProcessCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The re-solved shadow prices on cases small enough to compute by hand. */
class DualResolveTest {

    private static final int TODAY = 4;

    /** A visitor coming {@code room} times in the one day every campaign has left. */
    private static DualResolve.Visitor visitor(double room, DualResolve.Pair... pairs) {
        return new DualResolve.Visitor(pairs, room);
    }

    private static DualResolve.Pair pair(int slot, double value) {
        return new DualResolve.Pair(slot, value, 1, 1);
    }

    @Test
    void aCampaignWithMoreUnitsThanFreshVisitorsIsFree() {
        List<DualResolve.Visitor> visitors = List.of(visitor(5, pair(0, 3)), visitor(5, pair(0, 1)));
        // 2 visitors standing for 4 each: a demand of 8 against 10 units
        assertThat(DualResolve.solve(visitors, new double[] { 10 }, 4)).containsExactly(0.0);
    }

    @Test
    void aCampaignWithPlentyOfVisitorsIsPricedAtItsMarginalVisitor() {
        List<DualResolve.Visitor> visitors = new ArrayList<>();
        for (double value : new double[] { 5, 1, 4, 2, 3 }) {
            visitors.add(visitor(5, pair(0, value)));
        }
        // 2 units for 5 visitors: the 3rd best (3) is the first the campaign cannot take, so only 5 and 4 clear it
        double lambda = DualResolve.solve(visitors, new double[] { 2 }, 1)[0];
        assertThat(lambda).isEqualTo(3.0);
        // each visitor stands for 2: one unit of 4 covers only the best visitor's copies (demand 2 > 1 at the 2nd)
        assertThat(DualResolve.solve(visitors, new double[] { 1 }, 2)[0]).isEqualTo(5.0);
    }

    @Test
    void aVisitorWithRoomForOneAdGoesToTheCampaignThatNeedsItMost() {
        // A has one unit, B plenty; v1 likes A (5) a little more than B (4), v2 likes A (3.5) far more than B (1).
        // A to v2 and B to v1 earn 7.5; A to v1 and B to v2 earn 6. A's price is v1's margin over its alternative:
        // 5 - 4 = 1, below v2's 3.5 - 1 = 2.5, so A goes to v2.
        List<DualResolve.Visitor> visitors = List.of(visitor(1, pair(0, 5), pair(1, 4)),
                visitor(1, pair(0, 3.5), pair(1, 1)));
        double[] lambda = DualResolve.solve(visitors, new double[] { 1, 10 }, 1);
        assertThat(lambda[0]).isCloseTo(1.0, within(1e-9));
        assertThat(lambda[1]).isZero();
        assertThat(3.5 - lambda[0]).isGreaterThan(1 - lambda[1]); // v2 takes A
    }

    @Test
    void aCampaignWithALongerWindowDoesNotCompeteForTheLastVisitOfAShortOne() {
        // as above, but B runs two days: a visitor coming once a day can take A today and B tomorrow, so nobody has
        // to give up B for A, and A's one unit goes to its best visitor v1 (price: v2's 3.5)
        DualResolve.Pair laterB1 = new DualResolve.Pair(1, 4, 1, 2);
        DualResolve.Pair laterB2 = new DualResolve.Pair(1, 1, 1, 2);
        List<DualResolve.Visitor> visitors = List.of(visitor(1, pair(0, 5), laterB1),
                visitor(1, pair(0, 3.5), laterB2));
        double[] lambda = DualResolve.solve(visitors, new double[] { 1, 10 }, 1);
        assertThat(lambda[0]).isEqualTo(3.5);
        assertThat(lambda[1]).isZero();
    }

    @Test
    void aCampaignWhoseClicksRunOutFirstStopsChasingTheVisitorsWhoClickMost() {
        // cpi 1, cpc 10, 10 units but 2 clicks left; 10 visitors click with p 0.5 (worth 6), 10 with p 0.05 (1.5).
        // The 10 best would click 5 times: the campaign would close after 4 of its 10 units. At κ = cpc every visitor
        // is worth its impression price alone (1); just above it, the 10 who click least (0.5 clicks) come first and
        // the campaign fills all its units within its clicks.
        List<DualResolve.Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            visitors.add(visitor(5, new DualResolve.Pair(0, 6, 1, 1, 0.5)));
            visitors.add(visitor(5, new DualResolve.Pair(0, 1.5, 1, 1, 0.05)));
        }
        DualResolve.Prices prices = DualResolve.solve(visitors, new double[] { 10 }, new double[] { 2 },
                new double[] { 10 }, 1);
        assertThat(prices.click()[0]).isCloseTo(10, within(0.01)).isGreaterThan(10);
        double clicky = 6 - prices.lambda()[0] - 0.5 * prices.click()[0];
        double other = 1.5 - prices.lambda()[0] - 0.05 * prices.click()[0];
        assertThat(other).isGreaterThan(0);
        assertThat(clicky).isLessThanOrEqualTo(0);

        // with 10 clicks left the clicks never bind: no click price, the 10 who click most are the ones to serve
        prices = DualResolve.solve(visitors, new double[] { 10 }, new double[] { 10 }, new double[] { 10 }, 1);
        assertThat(prices.click()[0]).isZero();
        assertThat(prices.lambda()[0]).isEqualTo(1.5);
    }

    @Test
    void aVisitorsRoomHoldsOneAdAVisitForEveryWindowEnd() {
        DualResolve.Room room = new DualResolve.Room(8);
        room.reset(1); // one visit a day
        assertThat(room.take(new DualResolve.Pair(0, 1, 1, 1))).isTrue(); // today's visit
        assertThat(room.take(new DualResolve.Pair(1, 1, 0.5, 1))).isFalse(); // today is taken
        assertThat(room.take(new DualResolve.Pair(2, 1, 1, 3))).isTrue(); // 2 of 3 days
        assertThat(room.take(new DualResolve.Pair(3, 1, 1, 2))).isTrue(); // 2 of 2 days, 3 of 3
        assertThat(room.take(new DualResolve.Pair(4, 1, 1, 3))).isFalse(); // would be 4 within 3 days
        assertThat(room.take(new DualResolve.Pair(5, 1, 0.5, 2.5))).isFalse(); // 2.5 within 2.5 days fits, 3.5 within 3
                                                                               // not
        assertThat(room.take(new DualResolve.Pair(6, 1, 1, 5))).isTrue(); // 4 within 5 days
    }

    @Test
    void theSortKeepsEachKeyWithItsPayload() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int size : new int[] { 0, 1, 2, 17, 100, 1_000 }) {
            double[] keys = new double[size];
            int[] payload = new int[size];
            for (int i = 0; i < size; i++) {
                keys[i] = random.nextInt(4) == 0 ? 1.5 : random.nextDouble() * 10 - 5; // many equals too
                payload[i] = i;
            }
            double[] original = keys.clone();
            DualResolve.sortDescending(keys, payload, 0, size - 1);
            for (int i = 0; i < size; i++) {
                assertThat(keys[i]).isEqualTo(original[payload[i]]);
                if (i > 0) {
                    assertThat(keys[i]).isLessThanOrEqualTo(keys[i - 1]);
                }
            }
            assertThat(java.util.Arrays.stream(payload).sorted().toArray())
                    .isEqualTo(java.util.stream.IntStream.range(0, size).toArray());
        }
    }

    @Test
    void theActiveClientsAreEstimatedFromRepeatedVisitors() {
        // 400 clients visiting uniformly: 2,048 visits meet 400·(1 - e^(-5.12)) = 397.6 of them
        assertThat(ShadowPrices.activeClients(2048, 398, 100_000)).isCloseTo(400, within(5.0));
        // all distinct: at least that many, at most the clients registered
        assertThat(ShadowPrices.activeClients(100, 100, 5_000)).isEqualTo(5_000);
    }

    @Test
    void theSampledTrafficPricesAPlentifulCampaignAndLeavesAScarceOneFree() {
        InProcessCounters counters = new InProcessCounters();
        ClickModel clicks = new ClickModel();
        ShadowPrices prices = new ShadowPrices(counters, clicks, 0.05, 3_600_000, "resolve", 0, 0.1, true);
        for (int d = TODAY - 3; d < TODAY; d++) {
            counters.set(ShadowPrices.VISITS + d, 100); // 100 visits a day
        }
        UUID advertiser = UUID.randomUUID();
        List<Slot> slots = new ArrayList<>();
        // 10 units over today and 4 more days for an audience of 100 daily visitors: plentiful
        slots.add(slot(advertiser, 1, 10, 10, TODAY + 4, prices, slots.size(), 100));
        // 300 units: more than its 100 visitors can take
        slots.add(slot(UUID.randomUUID(), 1, 0, 300, TODAY + 4, prices, slots.size(), 100));
        Map<UUID, Slot> byId = new HashMap<>();
        slots.forEach(slot -> byId.put(slot.campaign.campaignId(), slot));
        ServingIndex.Snapshot snapshot = new ServingIndex.Snapshot(TODAY, 0, List.copyOf(slots), byId,
                Map.of(advertiser, 0, slots.get(1).campaign.advertiserId(), 1));
        // the same 100 clients visit twice each (200 visits sampled): N = 100, one visit a day each, 4.05 days left
        // (the day's 100 visits are seen: its rest is counted as 1/20 of a day), so every client meets both campaigns.
        // Client i scores the second advertiser 100 and the first i + 1: s = (i + 1) / 100 for the first campaign.
        UUID other = slots.get(1).campaign.advertiserId();
        List<ClientProfile> clients = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Set<UUID> seen = ConcurrentHashMap.newKeySet();
            clients.add(new ClientProfile(new Client(UUID.randomUUID(), "l" + i, 30, "Here", Client.Gender.MALE),
                    Map.of(advertiser, i + 1, other, 100), 100, seen));
        }
        for (int round = 0; round < 2; round++) {
            for (ClientProfile client : clients) {
                prices.arrival(snapshot, client);
            }
        }
        prices.resolve(snapshot);

        double[] lambda = prices.lambdas(snapshot.slots());
        // N = 1 + p(1)·10 = 3.86; the first campaign's 10 units go to the 10 best of 100 visitors (s = 0.91…1.00):
        // its price is the 11th's worth, s = 0.90: 1 + p(0.9)·10 + 0.1·0.9·3.86 = 4.2074
        double norm = 1 + clicks.pClick(1) * 10;
        assertThat(lambda[0]).isCloseTo(1 + clicks.pClick(0.9) * 10 + 0.1 * 0.9 * norm, within(1e-9));
        BidPricePolicy policy = new BidPricePolicy(clicks, prices, 0.1, false);
        long served = clients.stream()
                .filter(client -> !policy.holdsBack(Candidates.of(client, snapshot), slots.get(0), TODAY)).count();
        assertThat(served).isEqualTo(10);
        // 300 units for 100 visitors: free
        assertThat(lambda[1]).isZero();
    }

    private static Slot slot(UUID advertiser, double cpi, double cpc, int limit, int end, ShadowPrices prices,
            int index, long clients) {
        Campaign campaign = new Campaign(UUID.randomUUID(), advertiser, limit, limit, cpi, cpc, "t", "x", 0, end,
                Targeting.NONE);
        Slot slot = new Slot(campaign, 0, 0, 0, index, index, prices.of(campaign.campaignId()));
        slot.audience = clients;
        slot.clientsInAll = clients;
        return slot;
    }
}
