package io.chanmarket.core.ads.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Targeting;
import io.chanmarket.core.ads.clients.Client;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CandidatesTest {

    private static final UUID LIKED = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void compiledTargetingAgreesWithTargetingMatchesEverywhere() {
        List<String> genders = Arrays.asList(null, "ALL", "MALE", "FEMALE", "OTHER");
        List<Integer> bounds = Arrays.asList(null, 18, 30, 45);
        List<String> locations = Arrays.asList(null, "Moscow", "Kazan");
        List<Client.Gender> clientGenders = Arrays.asList(null, Client.Gender.MALE, Client.Gender.FEMALE);
        List<Integer> ages = Arrays.asList(null, 17, 18, 30, 44, 45, 46);
        int checked = 0;
        for (String gender : genders) {
            for (Integer from : bounds) {
                for (Integer to : bounds) {
                    for (String location : locations) {
                        Targeting targeting = new Targeting(gender, from, to, location);
                        Slot slot = new Slot(campaign(OTHER, targeting), 0, 0, 0);
                        for (Client.Gender clientGender : clientGenders) {
                            for (Integer age : ages) {
                                for (String at : locations) {
                                    Client client = new Client(UUID.randomUUID(), "c", age, at, clientGender);
                                    assertThat(slot.fits(client)).as("%s for %s", targeting, client)
                                            .isEqualTo(targeting.matches(client));
                                    checked++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(5 * 4 * 4 * 3 * 3 * 7 * 3);
    }

    @Test
    void candidatesFitAreOpenAndUnseenAndScoresComeFromTheAdvertiserTable() {
        Slot forWomen = slot(LIKED, new Targeting("FEMALE", null, null, null), 0);
        Slot seen = slot(LIKED, Targeting.NONE, 0);
        Slot full = slot(OTHER, Targeting.NONE, 100);
        Slot liked = slot(LIKED, new Targeting("MALE", 20, 40, "Moscow"), 5);
        Slot other = slot(OTHER, Targeting.NONE, 0);
        ServingIndex.Snapshot snapshot = snapshot(forWomen, seen, full, liked, other);
        ClientProfile profile = profile(Set.of(seen.campaign.campaignId()));

        Candidates candidates = Candidates.of(profile, snapshot);

        List<Slot> found = new ArrayList<>();
        for (int i = 0; i < snapshot.slots().size(); i++) {
            if (candidates.admits(i, snapshot.slots().get(i))) {
                found.add(snapshot.slots().get(i));
            }
        }
        assertThat(found).extracting(s -> s.campaign.campaignId()).containsExactly(
                snapshot.slots().get(3).campaign.campaignId(), snapshot.slots().get(4).campaign.campaignId());
        for (Slot slot : snapshot.slots()) {
            assertThat(candidates.normalisedScore(slot))
                    .isEqualTo(profile.normalisedScore(slot.campaign.advertiserId()));
        }
        assertThat(candidates.normalisedScore(snapshot.slots().get(3))).isEqualTo(1.0);
        assertThat(candidates.normalisedScore(snapshot.slots().get(4))).isEqualTo(0.25);
        assertThat(candidates.bestSeen()).isSameAs(snapshot.slots().get(1));
    }

    @Test
    void nothingSeenMeansNoAdToShowAgain() {
        ServingIndex.Snapshot snapshot = snapshot(slot(LIKED, Targeting.NONE, 0));
        assertThat(Candidates.of(profile(Set.of()), snapshot).bestSeen()).isNull();
    }

    private static Slot slot(UUID advertiser, Targeting targeting, long shown) {
        return new Slot(campaign(advertiser, targeting), 0, shown, 0);
    }

    private static Campaign campaign(UUID advertiser, Targeting targeting) {
        return new Campaign(UUID.randomUUID(), advertiser, 100, 100, 1.0, 1.0, "t", "x", 0, 10, targeting);
    }

    /** A snapshot laid out as {@link ServingIndex} builds one: positions and advertiser table. */
    private static ServingIndex.Snapshot snapshot(Slot... templates) {
        Map<UUID, Integer> advertisers = new HashMap<>();
        List<Slot> slots = new ArrayList<>();
        for (Slot t : templates) {
            int advertiser = advertisers.computeIfAbsent(t.campaign.advertiserId(), id -> advertisers.size());
            slots.add(new Slot(t.campaign, t.shownBeforeToday, t.shown(), t.clicks(), slots.size(), advertiser));
        }
        return new ServingIndex.Snapshot(0, 0, slots,
                slots.stream().collect(Collectors.toMap(s -> s.campaign.campaignId(), s -> s)), advertisers);
    }

    /** A man of 30 in Moscow who likes LIKED (score 800) and OTHER less (200). */
    private static ClientProfile profile(Set<UUID> seenIds) {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        seen.addAll(seenIds);
        return new ClientProfile(new Client(UUID.randomUUID(), "c", 30, "Moscow", Client.Gender.MALE),
                Map.of(LIKED, 800, OTHER, 200), 800, seen);
    }
}
