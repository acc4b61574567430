package io.chanmarket.core.ads.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Targeting;
import io.chanmarket.core.ads.clients.Client;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class WeightedPolicyTest {

    private static final int TODAY = 10;
    private final ServingPolicy policy = new WeightedPolicy(new ClickModel());
    private final Map<UUID, Integer> scores = new HashMap<>();

    private Slot aCampaign(double cpi, double cpc, int limit, int endDate, long shownBeforeToday, long shownToday,
            int score) {
        UUID advertiser = UUID.randomUUID();
        scores.put(advertiser, score);
        Campaign campaign = new Campaign(UUID.randomUUID(), advertiser, limit, limit, cpi, cpc, "t", "x", 0, endDate,
                Targeting.NONE);
        return new Slot(campaign, shownBeforeToday, shownBeforeToday + shownToday, 0);
    }

    /** The policy's order of {@code slots}, as slots. */
    private List<Slot> ranked(List<Slot> slots) {
        return policy.best(Candidates.of(aClient(), slots), TODAY);
    }

    private ClientProfile aClient() {
        int max = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        return new ClientProfile(new Client(UUID.randomUUID(), "l", 30, "Here", Client.Gender.MALE), scores, max, seen);
    }

    @Test
    void theBetterPayingCampaignWinsAtEqualRelevanceAndPace() {
        Slot cheap = aCampaign(1.0, 1.0, 100, 20, 0, 0, 50);
        Slot dear = aCampaign(3.0, 1.0, 100, 20, 0, 0, 50);
        assertThat(ranked(List.of(cheap, dear)).get(0)).isSameAs(dear);
    }

    @Test
    void theMoreRelevantCampaignWinsAtEqualPrices() {
        Slot liked = aCampaign(1.0, 2.0, 100, 20, 0, 0, 900);
        Slot ignored = aCampaign(1.0, 2.0, 100, 20, 0, 0, 10);
        assertThat(ranked(List.of(ignored, liked)).get(0)).isSameAs(liked);
    }

    @Test
    void aCampaignAheadOfItsPaceGivesWayToOneBehind() {
        // Both may show 10 a day for the rest of their run; one has shown 10 today already.
        Slot ahead = aCampaign(1.0, 1.0, 110, TODAY + 10, 0, 10, 50);
        Slot behind = aCampaign(1.0, 1.0, 110, TODAY + 10, 0, 0, 50);
        assertThat(ranked(List.of(ahead, behind)).get(0)).isSameAs(behind);
    }

    @Test
    void aMuchBetterPriceStillBeatsPace() {
        Slot aheadButRich = aCampaign(10.0, 10.0, 110, TODAY + 10, 0, 10, 50);
        Slot behindButPoor = aCampaign(0.5, 0.5, 110, TODAY + 10, 0, 0, 50);
        assertThat(ranked(List.of(behindButPoor, aheadButRich)).get(0)).isSameAs(aheadButRich);
    }

    @Test
    void aCampaignThatMetTodaysTargetIsKeptForStrongMatchesUntilItsLastDay() {
        Slot met = aCampaign(5.0, 5.0, 110, TODAY + 10, 0, 10, 100);
        aCampaign(1.0, 1.0, 100, 20, 0, 0, 1000); // the client's favourite advertiser: met's s = 0.1
        Slot lastDay = aCampaign(5.0, 5.0, 20, TODAY, 0, 10, 100);
        Slot loved = aCampaign(5.0, 5.0, 110, TODAY + 10, 0, 10, 900);
        ClientProfile client = aClient();
        assertThat(policy.holdsBack(Candidates.of(client, List.of()), met, TODAY)).isTrue();
        assertThat(policy.holdsBack(Candidates.of(client, List.of()), lastDay, TODAY)).isFalse();
        assertThat(policy.holdsBack(Candidates.of(client, List.of()), loved, TODAY)).isFalse();
    }

    @Test
    void ofManyCandidatesTheBestFewComeInOrder() {
        List<Slot> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            candidates.add(aCampaign(1.0 + (i * 7 % 40) / 10.0, 1.0, 100, 20, 0, 0, 50));
        }
        List<Slot> ranked = ranked(candidates);
        assertThat(ranked).hasSize(WeightedPolicy.TOP);
        List<Double> prices = ranked.stream().map(s -> s.campaign.costPerImpression()).toList();
        assertThat(prices).containsExactly(4.9, 4.8, 4.7, 4.6, 4.5, 4.4, 4.3, 4.2);
    }

    @Test
    void clickEstimatesStartAtThePriorAndLearn() {
        ClickModel model = new ClickModel();
        assertThat(model.pClick(1.0)).isGreaterThan(model.pClick(0.0));
        double before = model.pClick(0.95);
        for (int i = 0; i < 1000; i++) {
            model.impression(0.95);
        }
        assertThat(model.pClick(0.95)).isLessThan(before / 5);
    }
}
