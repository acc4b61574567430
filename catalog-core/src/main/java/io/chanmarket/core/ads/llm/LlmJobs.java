package io.chanmarket.core.ads.llm;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one kind of LLM job whose row waits {@code PENDING} in PostgreSQL (an ad text to write, a report to
 * check): a bounded pool of workers asks the LLM and hands the answer, or the reason there is none, to the job's
 * {@link Outcome}, which stores it; a full queue is refused at once; a periodic sweep fails the jobs a stopped node
 * left pending. The owner keeps the rows, this class the threads.
 */
public final class LlmJobs {

    private static final Logger LOG = LoggerFactory.getLogger(LlmJobs.class);
    private static final int MAX_QUEUED = 1000;

    /** What a job does with the answer, or with the reason it has none; both store the job's end. */
    public interface Outcome {
        void answered(String answer);

        void failed(String reason);
    }

    private final String kind;
    private final String unexpectedFailure;
    private final LlmClient llm;
    private final ExecutorService workers;

    /**
     * @param kind
     *            the jobs' name in thread names and logs ({@code ad-text}, {@code report-check})
     * @param unexpectedFailure
     *            the reason stored when the call fails for a reason the LLM client does not name
     */
    public LlmJobs(String kind, String unexpectedFailure, LlmClient llm, LlmSettings settings) {
        this.kind = kind;
        this.unexpectedFailure = unexpectedFailure;
        this.llm = llm;
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, settings.maxConcurrent());
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
                    Thread t = new Thread(r, kind + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Queues the job; false (nothing queued) when too many jobs wait already. */
    public boolean submit(UUID id, String systemPrompt, String prompt, Outcome outcome) {
        try {
            workers.execute(() -> run(id, systemPrompt, prompt, outcome));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void run(UUID id, String systemPrompt, String prompt, Outcome outcome) {
        String answer = null;
        String reason = null;
        try {
            answer = llm.complete(systemPrompt, prompt);
        } catch (LlmException e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("LLM job {} {} failed", kind, id, e);
            reason = unexpectedFailure;
        }
        try {
            if (answer != null) {
                outcome.answered(answer);
            } else {
                outcome.failed(reason);
            }
        } catch (RuntimeException e) {
            LOG.error("LLM job {} {} could not be stored", kind, id, e);
        }
    }

    /** Fails the jobs left pending by a stopped node ({@code abandon} marks them and counts them). */
    public void sweep(IntSupplier abandon) {
        try {
            int failed = abandon.getAsInt();
            if (failed > 0) {
                LOG.warn("{} LLM job(s) {} were abandoned and are marked failed", failed, kind);
            }
        } catch (RuntimeException e) {
            LOG.debug("Sweep of abandoned LLM jobs {} failed", kind, e);
        }
    }

    public void stop() {
        workers.shutdownNow();
    }
}
