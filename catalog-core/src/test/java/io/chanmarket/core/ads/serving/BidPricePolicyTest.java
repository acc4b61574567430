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

/**
 * The bid-price policy's decisions on small cases computed by hand. With no data the click model is its prior at the
 * bucket centres: p(0) = 0.02 + 0.28·0.05 = 0.034, p(0.5) = 0.174, p(1) = 0.286.
 */
class BidPricePolicyTest {

    private static final int TODAY = 10;
    private static final double STEP = 0.05;

    private final ClickModel clicks = new ClickModel();
    private final InProcessCounters counters = new InProcessCounters();
    /** Stepped by hand only (the period is far longer than a test). */
    private final ShadowPrices prices = new ShadowPrices(counters, clicks, STEP, 3_600_000);
    private final BidPricePolicy policy = new BidPricePolicy(clicks, prices, 0.1, false);
    private final List<Slot> slots = new ArrayList<>();
    private final Map<UUID, Integer> advertiserIndex = new HashMap<>();

    private Slot aCampaign(UUID advertiser, double cpi, double cpc, int limit, int endDate) {
        Campaign campaign = new Campaign(UUID.randomUUID(), advertiser, limit, limit, cpi, cpc, "t", "x", 0, endDate,
                Targeting.NONE);
        int a = advertiserIndex.computeIfAbsent(advertiser, id -> advertiserIndex.size());
        Slot slot = new Slot(campaign, 0, 0, 0, slots.size(), a, prices.of(campaign.campaignId()));
        slots.add(slot);
        return slot;
    }

    private ServingIndex.Snapshot snapshot() {
        Map<UUID, Slot> byId = new HashMap<>();
        slots.forEach(slot -> byId.put(slot.campaign.campaignId(), slot));
        return new ServingIndex.Snapshot(TODAY, 0, List.copyOf(slots), byId, Map.copyOf(advertiserIndex));
    }

    private static ClientProfile aClient(Map<UUID, Integer> scores, Set<UUID> seen) {
        int max = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new ClientProfile(new Client(UUID.randomUUID(), "l", 30, "Here", Client.Gender.MALE), scores, max, seen);
    }

    /** Past days had {@code perDay} visits each, so the forecast knows the day's size. */
    private void history(long perDay) {
        for (int d = TODAY - 3; d < TODAY; d++) {
            counters.set(ShadowPrices.VISITS + d, perDay);
        }
    }

    @Test
    void scarceTrafficKeepsThePricesAtZeroAndServesTheBestRevenue() {
        history(10);
        UUID clicky = UUID.randomUUID();
        Slot byClicks = aCampaign(clicky, 1, 10, 100, TODAY); // 100 units, 10 visits left: cannot fill
        Slot byImpressions = aCampaign(UUID.randomUUID(), 2, 0, 100, TODAY);
        ServingIndex.Snapshot snapshot = snapshot();
        for (int i = 0; i < 10; i++) {
            prices.arrival(snapshot);
            prices.served(byClicks);
        }
        prices.step(snapshot);

        // ρ = 100 / max(10 - 10, 10/20) = 200 per visit: 10 served of 10 visits is far below, λ stays 0
        assertThat(prices.lambdas(snapshot.slots())).containsExactly(0.0, 0.0);
        // unscored: 1 + 0.034·10 = 1.34 < 2
        ClientProfile unscored = aClient(Map.of(), ConcurrentHashMap.newKeySet());
        assertThat(policy.best(Candidates.of(unscored, snapshot), TODAY)).containsExactly(byImpressions, byClicks);
        // a fan of the clicky advertiser: 1 + 0.286·10 + 0.1·1·N (N = 3.86) = 4.246 > 2
        ClientProfile fan = aClient(Map.of(clicky, 900), ConcurrentHashMap.newKeySet());
        assertThat(policy.best(Candidates.of(fan, snapshot), TODAY)).containsExactly(byClicks, byImpressions);
        assertThat(policy.holdsBack(Candidates.of(unscored, snapshot), byClicks, TODAY)).isFalse();
    }

    @Test
    void plentifulTrafficPricesAUnitAboveWhatAnUnscoredVisitorEarnsButBelowAFan() {
        history(1000);
        UUID advertiser = UUID.randomUUID();
        Slot campaign = aCampaign(advertiser, 1, 10, 40, TODAY + 9); // 40 units over 10 days of 1,000 visits
        ServingIndex.Snapshot snapshot = snapshot();
        for (int i = 0; i < 100; i++) {
            prices.arrival(snapshot);
        }
        for (int i = 0; i < 10; i++) {
            prices.served(campaign);
        }
        prices.step(snapshot);

        // F = (1000 - 100) + 9·1000 = 9,900 visits, ρ = 40 / 9,900; scale v = 1 + 0.174·10 = 2.74;
        // η = max(0.05, 4 / 40 units left) = 0.1
        double eta = 0.1;
        double expected = eta * 2.74 * (10 - 40.0 / 9_900 * 100);
        assertThat(prices.lambdas(snapshot.slots())[0]).isCloseTo(expected, within(1e-9)); // 2.629
        ClientProfile unscored = aClient(Map.of(), ConcurrentHashMap.newKeySet());
        // 1 + 0.34 - 2.629 < 0: the unit waits for a better visitor
        assertThat(policy.holdsBack(Candidates.of(unscored, snapshot), campaign, TODAY)).isTrue();
        assertThat(policy.best(Candidates.of(unscored, snapshot), TODAY)).isEmpty();
        assertThat(policy.servesHeldBack()).isFalse();
        // a fan: 1 + 2.86 + 0.386 - 2.629 = 1.62 > 0
        ClientProfile fan = aClient(Map.of(advertiser, 5_000), ConcurrentHashMap.newKeySet());
        assertThat(policy.holdsBack(Candidates.of(fan, snapshot), campaign, TODAY)).isFalse();
        assertThat(policy.best(Candidates.of(fan, snapshot), TODAY)).containsExactly(campaign);

        // then nobody is served for a while: the price decays towards what the campaign needs
        for (int i = 0; i < 1000; i++) {
            prices.arrival(snapshot);
        }
        prices.step(snapshot);
        // seen today 1,100 > the day's 1,000: the rest of today is D/20 = 50, F = 50 + 9,000
        double decayed = Math.max(0, expected + eta * 2.74 * (0 - 40.0 / (1000 * 9 + 50) * 1000)); // 1.418
        assertThat(prices.lambdas(snapshot.slots())[0]).isCloseTo(decayed, within(1e-9));
    }

    @Test
    void aNewPairWithPositiveValueBeatsARepeatAndARepeatIsShownOnlyWhenNoNewPairIsWorthItsUnit() {
        history(1000);
        UUID liked = UUID.randomUUID();
        Slot seenBefore = aCampaign(liked, 1, 1, 100, TODAY + 5);
        Slot fresh = aCampaign(UUID.randomUUID(), 0.5, 1, 100, TODAY + 5);
        ServingIndex.Snapshot snapshot = snapshot();
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        seen.add(seenBefore.campaign.campaignId());
        ClientProfile client = aClient(Map.of(liked, 800), seen);

        // λ = 0: the fresh pair earns 0.5 + 0.034 = 0.534 > 0 and is the only new one
        Candidates candidates = Candidates.of(client, snapshot);
        assertThat(policy.best(candidates, TODAY)).containsExactly(fresh);
        assertThat(policy.holdsBack(candidates, fresh, TODAY)).isFalse();

        // the fresh campaign is served far above its need: its price passes what this client's pair earns
        for (int i = 0; i < 10; i++) {
            prices.arrival(snapshot);
            prices.served(fresh);
        }
        prices.step(snapshot);
        // λ = 0.05 · (0.5 + 0.174) · (10 - 10·100/(990 + 5000)) = 0.3314 < 0.534: still served
        assertThat(policy.best(Candidates.of(client, snapshot), TODAY)).containsExactly(fresh);
        for (int i = 0; i < 10; i++) {
            prices.arrival(snapshot);
            prices.served(fresh);
        }
        prices.step(snapshot);
        // λ ≈ 0.66 > 0.534: no new pair is worth its unit, so the server shows the liked ad again, uncounted
        candidates = Candidates.of(client, snapshot);
        assertThat(policy.best(candidates, TODAY)).isEmpty();
        assertThat(policy.holdsBack(candidates, fresh, TODAY)).isTrue();
        assertThat(candidates.bestSeen()).isSameAs(seenBefore);
    }

    @Test
    void theClickEstimateIsMonotoneInTheScoreWhateverTheNoise() {
        for (int i = 0; i < 500; i++) {
            clicks.impression(0.35);
            clicks.click(0.35); // a noisy bucket: every impression clicked
            clicks.impression(0.85); // and one where nothing is
        }
        double previous = -1;
        for (int b = 0; b < ClickModel.BUCKETS; b++) {
            double p = clicks.pClick((b + 0.5) / ClickModel.BUCKETS);
            assertThat(p).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
        // the violating buckets 0.3-1.0 are pooled: (500 + 100·Σ priors 0.118…0.286 + 0) / (1,000 + 700) = 0.3773
        assertThat(clicks.pClick(0.35)).isCloseTo(641.4 / 1700, within(1e-9));
        assertThat(clicks.pClick(0.85)).isEqualTo(clicks.pClick(0.35));
        assertThat(clicks.pClick(0.95)).isEqualTo(clicks.pClick(0.35));
        assertThat(clicks.pClick(0.25)).isLessThan(clicks.pClick(0.35));
    }
}
