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
        // no click in 1,000 top-score impressions pulls the (monotone) estimate far below its prior
        assertThat(model.pClick(0.95)).isLessThan(before / 3);
    }

    @Test
    void theBoardWalkFindsExactlyTheBestFewOfAFullScanEvenWhenPacesMovedSinceItWasBuilt() {
        java.util.Random random = new java.util.Random(7);
        ClickModel model = new ClickModel();
        WeightedPolicy weighted = new WeightedPolicy(model);
        List<UUID> advertiserIds = new java.util.ArrayList<>();
        for (int a = 0; a < 30; a++) {
            advertiserIds.add(UUID.randomUUID());
        }
        Map<UUID, Integer> advertiserIndex = new HashMap<>();
        List<Slot> slots = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            UUID advertiser = advertiserIds.get(random.nextInt(advertiserIds.size()));
            int a = advertiserIndex.computeIfAbsent(advertiser, id -> advertiserIndex.size());
            Targeting targeting = switch (i % 4) {
            case 1 -> new Targeting(random.nextBoolean() ? "MALE" : "FEMALE", null, null, null);
            case 2 -> new Targeting(null, 20 + random.nextInt(20), 40 + random.nextInt(20), null);
            default -> Targeting.NONE;
            };
            int limit = 1_000 + random.nextInt(5_000);
            Campaign campaign = new Campaign(UUID.randomUUID(), advertiser, limit, limit, random.nextInt(100) / 10.0,
                    random.nextInt(200) / 10.0, "t", "x", 0, TODAY + random.nextInt(20), targeting);
            long before = random.nextInt(limit / 2);
            slots.add(new Slot(campaign, before, before + random.nextInt(200), 0, i, a));
        }
        ServingIndex.Snapshot snapshot = new ServingIndex.Snapshot(TODAY, 0, List.copyOf(slots),
                slots.stream().collect(java.util.stream.Collectors.toMap(x -> x.campaign.campaignId(), x -> x)),
                Map.copyOf(advertiserIndex));
        for (int round = 0; round < 50; round++) {
            Map<UUID, Integer> clientScores = new HashMap<>();
            for (int k = 0; k < 5; k++) {
                clientScores.put(advertiserIds.get(random.nextInt(advertiserIds.size())), random.nextInt(1000));
            }
            Set<UUID> seen = ConcurrentHashMap.newKeySet();
            for (int k = 0; k < 20; k++) {
                seen.add(slots.get(random.nextInt(slots.size())).campaign.campaignId());
            }
            ClientProfile client = new ClientProfile(
                    new Client(UUID.randomUUID(), "l", 18 + random.nextInt(50), "Here",
                            random.nextBoolean() ? Client.Gender.MALE : Client.Gender.FEMALE),
                    clientScores, clientScores.values().stream().mapToInt(Integer::intValue).max().orElse(0), seen);
            Candidates candidates = Candidates.of(client, snapshot);

            List<Slot> best = weighted.best(candidates, TODAY);

            assertThat(best).extracting(slot -> value(model, candidates, slots, slot))
                    .containsExactlyElementsOf(bruteForce(model, candidates, slots));
            // impressions arrive after the board was built: paces fall, the next walk must still be exact
            for (int k = 0; k < 100; k++) {
                Slot slot = slots.get(random.nextInt(slots.size()));
                slot.seenMore(slot.shown() + random.nextInt(300));
            }
            // the click estimate of unscored clients moves both ways (staying below the best one's prior)
            for (int k = 0; k < 50; k++) {
                model.impression(0.0);
                if (round % 2 == 1 && k % 4 == 0) {
                    model.click(0.0);
                }
            }
        }
    }

    private static List<Double> bruteForce(ClickModel model, Candidates candidates, List<Slot> slots) {
        List<Double> values = new java.util.ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (candidates.admits(i, slots.get(i))) {
                values.add(value(model, candidates, slots, slots.get(i)));
            }
        }
        values.sort(java.util.Comparator.reverseOrder());
        return values.subList(0, Math.min(WeightedPolicy.TOP, values.size()));
    }

    /** The policy's value, written out independently: revenue scaled by today's best ev at the best click estimate. */
    private static double value(ClickModel model, Candidates candidates, List<Slot> slots, Slot slot) {
        double best = Math.max(model.pClick(1), model.pClick(0));
        double norm = slots.stream().mapToDouble(x -> x.costPerImpression + best * x.costPerClick).max().orElse(1);
        double s = candidates.normalisedScore(slot);
        double ev = slot.costPerImpression + model.pClick(s) * slot.costPerClick;
        double target = slot.targetToday(TODAY);
        double pace = target <= 0 ? 0 : 1 - Math.min(1, slot.shownToday() / target);
        return WeightedPolicy.REVENUE * ev / norm + WeightedPolicy.RELEVANCE * s + WeightedPolicy.PACE * pace;
    }
}
