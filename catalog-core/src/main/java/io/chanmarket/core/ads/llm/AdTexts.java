package io.chanmarket.core.ads.llm;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.advertisers.Advertiser;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Ad texts written by an LLM from the advertiser's name and a campaign title, asynchronously: {@link #start} stores a
 * pending task and returns at once; a worker asks the {@link LlmClient} and stores the text or the reason it failed.
 * Tasks live in PostgreSQL, so any node answers {@link #get}. A task still pending long after every attempt must have
 * ended (its node stopped) is failed by a periodic sweep.
 */
@Singleton
public class AdTexts {

    private static final int MAX_TITLE = 500;

    static final String SYSTEM_PROMPT = """
            You write short advertising texts for Telegram. Answer with the ad text only: one to three sentences, \
            at most 300 characters, no hashtags, no quotes around it, in the language of the campaign title.""";

    private final LlmClient llm;
    private final LlmSettings settings;
    private final Advertisers advertisers;
    private final Campaigns campaigns;
    private final AdTextTaskRepository repository;
    private final LlmJobs jobs;

    AdTexts(LlmClient llm, LlmSettings settings, Advertisers advertisers, Campaigns campaigns,
            AdTextTaskRepository repository) {
        this.llm = llm;
        this.settings = settings;
        this.advertisers = advertisers;
        this.campaigns = campaigns;
        this.repository = repository;
        this.jobs = new LlmJobs("ad-text", "the ad text could not be generated", llm, settings);
    }

    /** Whether generation is available (an LLM endpoint is configured). */
    public boolean enabled() {
        return llm.configured();
    }

    /**
     * Starts writing an ad text for the advertiser and returns the pending task at once.
     *
     * @throws LlmException.NotConfigured
     *             when no LLM endpoint is configured
     */
    public AdTextTask start(String advertiserId, AdTextRequest request) {
        UUID advertiser = Validation.uuid(advertiserId, "advertiser_id");
        if (request == null) {
            throw new AdsException.Invalid("the body must be a JSON object with campaign_title or campaign_id");
        }
        UUID campaignId = null;
        String title;
        Advertiser owner = advertisers.get(advertiser);
        if (request.campaignId() != null) {
            if (request.campaignTitle() != null) {
                throw new AdsException.Invalid("give either campaign_title or campaign_id, not both");
            }
            var campaign = campaigns.get(advertiserId, request.campaignId());
            campaignId = campaign.campaignId();
            title = campaign.adTitle();
        } else {
            title = Validation.text(request.campaignTitle(), "campaign_title").strip();
            if (title.length() > MAX_TITLE) {
                throw new AdsException.Invalid("campaign_title is longer than " + MAX_TITLE + " characters");
            }
        }
        if (!enabled()) {
            throw new LlmException.NotConfigured();
        }
        AdTextTask task = repository.insert(UUID.randomUUID(), owner.advertiserId(), campaignId, title);
        UUID id = task.taskId();
        boolean queued = jobs.submit(id, SYSTEM_PROMPT,
                "Advertiser: " + owner.name() + "\nCampaign title: " + task.campaignTitle(), new LlmJobs.Outcome() {
                    @Override
                    public void answered(String text) {
                        repository.finish(id, text, null);
                    }

                    @Override
                    public void failed(String reason) {
                        repository.finish(id, null, reason);
                    }
                });
        if (!queued) {
            repository.finish(id, null, "too many ad texts are being written now; try again later");
            return repository.find(id).orElse(task);
        }
        return task;
    }

    /** The task of this advertiser, or {@link AdsException.NotFound}. */
    public AdTextTask get(String advertiserId, String taskId) {
        UUID advertiser = Validation.uuid(advertiserId, "advertiser_id");
        UUID id = Validation.uuid(taskId, "task_id");
        return repository.find(id).filter(task -> task.advertiserId().equals(advertiser))
                .orElseThrow(() -> new AdsException.NotFound("ad text task " + id + " not found"));
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void sweepAbandoned() {
        if (enabled()) {
            jobs.sweep(() -> repository.abandonOlderThan(settings.abandonAfter()));
        }
    }

    @PreDestroy
    void stop() {
        jobs.stop();
    }
}
