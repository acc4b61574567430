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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ad texts written by an LLM from the advertiser's name and a campaign title, asynchronously: {@link #start} stores a
 * pending task and returns at once; a worker asks the {@link LlmClient} and stores the text or the reason it failed.
 * Tasks live in PostgreSQL, so any node answers {@link #get}. A task still pending long after every attempt must have
 * ended (its node stopped) is failed by a periodic sweep.
 */
@Singleton
public class AdTexts {

    private static final Logger LOG = LoggerFactory.getLogger(AdTexts.class);
    private static final int MAX_TITLE = 500;
    private static final int MAX_QUEUED = 1000;

    static final String SYSTEM_PROMPT = """
            You write short advertising texts for Telegram. Answer with the ad text only: one to three sentences, \
            at most 300 characters, no hashtags, no quotes around it, in the language of the campaign title.""";

    private final LlmClient llm;
    private final LlmSettings settings;
    private final Advertisers advertisers;
    private final Campaigns campaigns;
    private final AdTextTaskRepository repository;
    private final ExecutorService workers;

    AdTexts(LlmClient llm, LlmSettings settings, Advertisers advertisers, Campaigns campaigns,
            AdTextTaskRepository repository) {
        this.llm = llm;
        this.settings = settings;
        this.advertisers = advertisers;
        this.campaigns = campaigns;
        this.repository = repository;
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, settings.maxConcurrent());
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
                    Thread t = new Thread(r, "ad-text-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
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
        try {
            workers.execute(() -> run(task.taskId(), owner.name(), task.campaignTitle()));
        } catch (RejectedExecutionException e) {
            repository.finish(task.taskId(), null, "too many ad texts are being written now; try again later");
            return repository.find(task.taskId()).orElse(task);
        }
        return task;
    }

    private void run(UUID taskId, String advertiserName, String title) {
        String text = null;
        String reason = null;
        try {
            text = llm.complete(SYSTEM_PROMPT, "Advertiser: " + advertiserName + "\nCampaign title: " + title);
        } catch (LlmException e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("Ad text task {} failed", taskId, e);
            reason = "the ad text could not be generated";
        }
        try {
            repository.finish(taskId, text, reason);
        } catch (RuntimeException e) {
            LOG.error("Ad text task {} could not be stored", taskId, e);
        }
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
        if (!enabled()) {
            return;
        }
        try {
            int failed = repository.abandonOlderThan(settings.abandonAfter());
            if (failed > 0) {
                LOG.warn("{} ad text task(s) were abandoned and are marked failed", failed);
            }
        } catch (RuntimeException e) {
            LOG.debug("Abandoned ad text sweep failed", e);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
