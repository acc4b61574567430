package io.chanmarket.core.ads.campaigns;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.ChangeBus;
import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.clock.AdClock;
import io.chanmarket.core.platform.shared.Counters;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import java.util.Set;
import java.util.UUID;

/**
 * Campaigns: create, replace, delete, read. Limits and dates are fixed once a campaign has started (its start day has
 * come); dates may not be in the past. Every change is announced on the {@link ChangeBus} ({@link #CHANGED}) and bumps
 * the {@link #VERSION} counter, so each node's serving index reloads.
 */
@Singleton
@Requires(beans = DataSource.class)
public class Campaigns {

    /** Message on the {@link ChangeBus} after any campaign change. */
    public static final String CHANGED = "campaigns";
    /** Counter bumped after any campaign change (a safety net for a lost pub/sub message). */
    public static final String VERSION = "ads:campaigns-version";

    static final int MAX_LIMIT = 1_000_000_000;
    static final int MAX_DAY = 1_000_000;
    static final int MAX_PAGE_SIZE = 1000;
    static final int DEFAULT_PAGE_SIZE = 10;
    private static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "ALL");

    private final CampaignRepository repository;
    private final Advertisers advertisers;
    private final AdClock clock;
    private final ChangeBus bus;
    private final Counters counters;
    private final List<CampaignTextCheck> textChecks;
    private final AtomicLong changes = new AtomicLong();
    private volatile long lastSeenVersion;

    Campaigns(CampaignRepository repository, Advertisers advertisers, AdClock clock, ChangeBus bus, Counters counters,
            List<CampaignTextCheck> textChecks) {
        this.repository = repository;
        this.textChecks = textChecks;
        this.advertisers = advertisers;
        this.clock = clock;
        this.bus = bus;
        this.counters = counters;
        this.lastSeenVersion = counters.get(VERSION);
        bus.subscribe(message -> {
            if (CHANGED.equals(message)) {
                changes.incrementAndGet();
            }
        });
    }

    /**
     * A number that grows whenever campaigns changed on any node, as far as this node knows: caches built from
     * campaigns compare it with the number they were built at.
     */
    public long changes() {
        return changes.get();
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void pollVersion() {
        try {
            long version = counters.get(VERSION);
            if (version != lastSeenVersion) {
                lastSeenVersion = version;
                changes.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // Redis briefly unreachable: the next poll tries again.
        }
    }

    public Campaign create(String advertiserId, CampaignDraft draft) {
        UUID advertiser = advertisers.get(advertiserId).advertiserId();
        Campaign campaign = validate(UUID.randomUUID(), advertiser, draft);
        checkTexts(campaign);
        if (campaign.startDate() < clock.today()) {
            throw new AdsException.Invalid(
                    "start_date " + campaign.startDate() + " is in the past: the current day is " + clock.today());
        }
        repository.insert(campaign);
        changed();
        return campaign;
    }

    /** The advertiser's campaign, or {@link AdsException.NotFound}. */
    public Campaign get(String advertiserId, String campaignId) {
        UUID advertiser = advertisers.get(advertiserId).advertiserId();
        UUID id = Validation.uuid(campaignId, "campaign_id");
        return repository.find(id).filter(c -> c.advertiserId().equals(advertiser)).orElseThrow(
                () -> new AdsException.NotFound("campaign " + id + " of advertiser " + advertiser + " not found"));
    }

    /** Any live campaign by id. */
    public java.util.Optional<Campaign> find(UUID campaignId) {
        return repository.find(campaignId);
    }

    /** Any live campaign by id, or {@link AdsException.NotFound}. */
    public Campaign get(UUID campaignId) {
        return repository.find(campaignId)
                .orElseThrow(() -> new AdsException.NotFound("campaign " + campaignId + " not found"));
    }

    /**
     * One page of the advertiser's campaigns in creation order.
     *
     * @param page
     *            1-based; null = 1
     * @param size
     *            1 to {@value #MAX_PAGE_SIZE}; null = {@value #DEFAULT_PAGE_SIZE}
     */
    public List<Campaign> list(String advertiserId, Integer page, Integer size) {
        UUID advertiser = advertisers.get(advertiserId).advertiserId();
        int p = page == null ? 1 : Validation.between(page, "page", 1, Integer.MAX_VALUE);
        int s = size == null ? DEFAULT_PAGE_SIZE : Validation.between(size, "size", 1, MAX_PAGE_SIZE);
        return repository.list(advertiser, (long) (p - 1) * s, s);
    }

    /** How many live campaigns the advertiser has (for paging headers). */
    public long count(String advertiserId) {
        return repository.count(advertisers.get(advertiserId).advertiserId());
    }

    /**
     * Replaces a campaign with {@code draft} (omitted optional fields become null). After the start, limits and dates
     * must stay as they are; before it, the start may not be in the past.
     */
    public Campaign update(String advertiserId, String campaignId, CampaignDraft draft) {
        Campaign current = get(advertiserId, campaignId);
        Campaign next = validate(current.campaignId(), current.advertiserId(), draft);
        checkTexts(next);
        int today = clock.today();
        if (current.startDate() <= today) {
            if (next.impressionsLimit() != current.impressionsLimit() || next.clicksLimit() != current.clicksLimit()
                    || next.startDate() != current.startDate() || next.endDate() != current.endDate()) {
                throw new AdsException.Conflict("the campaign has started (day " + current.startDate()
                        + "): impressions_limit, clicks_limit, start_date and end_date can no longer change");
            }
        } else if (next.startDate() < today) {
            throw new AdsException.Invalid(
                    "start_date " + next.startDate() + " is in the past: the current day is " + today);
        }
        if (!repository.update(next)) {
            throw new AdsException.NotFound("campaign " + current.campaignId() + " not found");
        }
        changed();
        return next.withImageUrl(current.adImageUrl()).withStopped(current.stoppedByModerator());
    }

    public void delete(String advertiserId, String campaignId) {
        Campaign campaign = get(advertiserId, campaignId);
        repository.delete(campaign.campaignId());
        changed();
    }

    /**
     * Stops ({@code stopped = true}) or resumes a live campaign, as a moderator does: a stopped campaign is not served
     * on any node (every node's serving index reloads) but stays readable in the API, marked {@code stopped}.
     *
     * @param by
     *            who stopped it (kept with the campaign)
     *
     * @return the campaign as it is now
     */
    public Campaign setStopped(UUID campaignId, boolean stopped, String by) {
        Campaign current = get(campaignId);
        if (!repository.setStopped(current.campaignId(), stopped, by)) {
            throw new AdsException.NotFound("campaign " + campaignId + " not found");
        }
        changed();
        return current.withStopped(stopped);
    }

    /**
     * Replaces a live campaign's title and text (a moderator's edit), validated like a PUT and checked by moderation.
     * Optimistic: refused with {@link AdsException.Conflict} unless the stored title and text are still
     * {@code expectedTitle} and {@code expectedText} (what the editor saw).
     *
     * @return the campaign as it is now
     */
    public Campaign editTexts(UUID campaignId, String expectedTitle, String expectedText, String title, String text) {
        Campaign current = get(campaignId);
        String newTitle = Validation.text(title, "ad_title");
        String newText = Validation.text(text, "ad_text");
        for (CampaignTextCheck check : textChecks) {
            check.check("ad_title", newTitle);
            check.check("ad_text", newText);
        }
        if (!repository.updateTexts(current.campaignId(), expectedTitle, expectedText, newTitle, newText)) {
            throw new AdsException.Conflict("the campaign's title or text changed meanwhile; reload and edit again");
        }
        changed();
        return get(campaignId);
    }

    /** Live campaigns that run on {@code day} and are not stopped. */
    public List<Campaign> activeOn(int day) {
        return repository.activeOn(day);
    }

    /**
     * Live campaigns, not stopped, that start between {@code from} and {@code to}, the soonest first, at most
     * {@code limit}.
     */
    public List<Campaign> startingBetween(int from, int to, int limit) {
        return repository.startingBetween(from, to, limit);
    }

    /** Ids of every campaign of the advertiser, deleted ones included (their money was spent). */
    public List<UUID> allIdsOf(UUID advertiserId) {
        return repository.allIdsOf(advertiserId);
    }

    /**
     * Announces that something serving reads from a campaign changed outside this class (its image, its moderation
     * stop), so that every node reloads its campaigns.
     */
    public void touch() {
        changed();
    }

    private void changed() {
        changes.incrementAndGet();
        counters.add(VERSION, 1);
        bus.publish(CHANGED);
    }

    private void checkTexts(Campaign campaign) {
        for (CampaignTextCheck check : textChecks) {
            check.check("ad_title", campaign.adTitle());
            check.check("ad_text", campaign.adText());
        }
    }

    private static Campaign validate(UUID id, UUID advertiserId, CampaignDraft draft) {
        if (draft == null) {
            throw new AdsException.Invalid("the body must be a JSON object describing the campaign");
        }
        int impressions = Validation.between(draft.impressionsLimit(), "impressions_limit", 0, MAX_LIMIT);
        int clicks = Validation.between(draft.clicksLimit(), "clicks_limit", 0, MAX_LIMIT);
        double cpi = Validation.money(draft.costPerImpression(), "cost_per_impression");
        double cpc = Validation.money(draft.costPerClick(), "cost_per_click");
        String title = Validation.text(draft.adTitle(), "ad_title");
        String text = Validation.text(draft.adText(), "ad_text");
        int start = Validation.between(draft.startDate(), "start_date", 0, MAX_DAY);
        int end = Validation.between(draft.endDate(), "end_date", 0, MAX_DAY);
        if (end < start) {
            throw new AdsException.Invalid("end_date " + end + " is before start_date " + start);
        }
        return new Campaign(id, advertiserId, impressions, clicks, cpi, cpc, title, text, start, end,
                targeting(draft.targeting()));
    }

    private static Targeting targeting(CampaignDraft.TargetingDraft draft) {
        if (draft == null) {
            return Targeting.NONE;
        }
        if (draft.gender() != null && !GENDERS.contains(draft.gender())) {
            throw new AdsException.Invalid("targeting.gender must be MALE, FEMALE, ALL or null");
        }
        Integer from = draft.ageFrom() == null ? null
                : Validation.between(draft.ageFrom(), "targeting.age_from", 0, 1000);
        Integer to = draft.ageTo() == null ? null : Validation.between(draft.ageTo(), "targeting.age_to", 0, 1000);
        if (from != null && to != null && from > to) {
            throw new AdsException.Invalid("targeting.age_from " + from + " is greater than targeting.age_to " + to);
        }
        String location = draft.location() == null ? null : Validation.text(draft.location(), "targeting.location");
        return new Targeting(draft.gender(), from, to, location);
    }
}
