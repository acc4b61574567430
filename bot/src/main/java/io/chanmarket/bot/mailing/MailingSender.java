package io.chanmarket.bot.mailing;

import io.chanmarket.core.platform.metrics.AppMetrics;
import io.chanmarket.bot.telegram.BotSettings;
import io.chanmarket.core.mailing.MailingContent;
import io.chanmarket.core.mailing.MailingOutbox;
import io.chanmarket.core.mailing.MailingOutbox.Delivery;
import io.chanmarket.core.mailing.MailingSettings;
import io.chanmarket.core.platform.shared.Leases;
import io.chanmarket.core.platform.shared.NodeIdentity;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends running mailings, on the one node holding the {@value #LEASE} lease. Sends are spaced at
 * {@code app.mailing.rate} per second in total and at most one per chat per second, with up to
 * {@code app.mailing.max-in-flight} calls open. Each recipient is marked {@code SENDING} before its call; a 429 pauses
 * every send for {@code retry_after} and puts the recipient back; a 403 marks the user blocked (never retried); 5xx is
 * retried a few times. A call that never reached Telegram (connection refused, DNS failure, connect timeout: see
 * {@link TelegramReach}) is "not sent": the recipient stays pending and every running mailing is paused with the reason
 * {@code TELEGRAM_UNREACHABLE}. While mailings wait for Telegram, it is asked ({@code getMe}) every
 * {@code app.mailing.probe-every}; when it answers, they resume by themselves if {@code app.mailing.auto-resume}, else
 * the admin sees that Telegram is back and resumes them. Only a call whose request may have reached Telegram and got no
 * answer (read timeout, connection lost after writing) is an unknown outcome, never resent. When this node takes the
 * lease, rows another sender left {@code SENDING} become unknown outcomes, and the work resumes. Each change of
 * Telegram's reachability is logged once.
 */
@Context
@Requires(property = "app.bot.token", pattern = ".+")
@Requires(property = "app.roles.mailing-sender", notEquals = "false")
public class MailingSender {

    public static final String LEASE = "mailing-sender";
    private static final Logger LOG = LoggerFactory.getLogger(MailingSender.class);
    private static final long CHAT_SPACING_NANOS = 1_000_000_000L;

    private final MailingOutbox outbox;
    private final MailingSettings settings;
    private final BotSettings bot;
    private final Leases leases;
    private final String owner;
    private final TelegramClient client;
    private final Pacer pacer;
    private final Semaphore inFlight;
    private final AtomicInteger sending = new AtomicInteger();
    private final Map<Long, Long> lastSendToChat = new ConcurrentHashMap<>();
    private final Map<Long, MailingContent> contents = new ConcurrentHashMap<>();
    private final java.util.Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService leaseTimer = Executors
            .newSingleThreadScheduledExecutor(r -> daemon(r, "mailing-lease"));
    private final Thread loop;
    private volatile boolean held;
    private volatile boolean stopping;
    private final TelegramHealth health = new TelegramHealth(LOG);
    private long lastProbe;

    private final AppMetrics metrics;

    MailingSender(MailingOutbox outbox, MailingSettings settings, BotSettings bot, Leases leases, NodeIdentity node,
            AppMetrics metrics) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.settings = settings;
        this.bot = bot;
        this.leases = leases;
        this.owner = node.id();
        this.client = new OkHttpTelegramClient(
                TelegramReach.client(settings.maxInFlight(), settings.connectTimeout(), settings.callTimeout()),
                bot.token(), bot.telegramUrl());
        this.pacer = new Pacer(settings.rate());
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.workers = Executors.newFixedThreadPool(settings.maxInFlight(), r -> daemon(r, "mailing-send"));
        long every = Math.max(100, settings.leaseTtl().toMillis() / 3);
        leaseTimer.scheduleWithFixedDelay(this::renew, 0, every, TimeUnit.MILLISECONDS);
        this.loop = daemon(this::run, "mailing-sender");
        loop.start();
    }

    /** Whether this node holds the sender lease now. */
    public boolean active() {
        return held;
    }

    private void renew() {
        try {
            boolean now = leases.tryAcquire(LEASE, owner, settings.leaseTtl());
            if (now != held) {
                LOG.info(now ? "Mailing sender active on this node" : "Lost the {} lease: sending stops here", LEASE);
            }
            held = now;
        } catch (RuntimeException e) {
            LOG.warn("Mailing lease check failed: {}", e.toString());
            held = false;
        }
    }

    private void run() {
        boolean recovered = false;
        while (!stopping) {
            try {
                if (!held) {
                    recovered = false;
                    Thread.sleep(200);
                    continue;
                }
                if (!recovered) {
                    waitForOwnCalls();
                    int unknown = outbox.recoverInFlight();
                    if (unknown > 0) {
                        LOG.warn("{} mailing recipients were being sent when a sender stopped: reported as unknown,"
                                + " not resent", unknown);
                    }
                    recovered = true;
                }
                probeIfWaiting();
                List<Delivery> due = outbox.due(Math.max(16, (int) (settings.rate() * 2)));
                if (due.isEmpty()) {
                    outbox.completeFinished();
                    Thread.sleep(250);
                    continue;
                }
                int dispatched = 0;
                for (Delivery d : due) {
                    if (stopping || !held) {
                        break;
                    }
                    dispatched += dispatch(d) ? 1 : 0;
                }
                outbox.completeFinished();
                if (dispatched == 0) {
                    Thread.sleep(50); // only rows still in workers' hands or postponed: let them move on
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Mailing sender round failed: {}", e.toString());
                sleepQuietly(1000);
            }
        }
    }

    /** Hands one recipient to a worker when its turn has come; false when it is skipped for now. */
    private boolean dispatch(Delivery d) throws InterruptedException {
        String key = d.mailingId() + ":" + d.userId();
        if (claimed.contains(key)) {
            return false; // already handed to a worker that has not finished with it
        }
        long now = System.nanoTime();
        Long last = lastSendToChat.get(d.userId());
        if (last != null && now - last < CHAT_SPACING_NANOS) {
            outbox.postpone(d, Instant.now().plusNanos(CHAT_SPACING_NANOS - (now - last)));
            return false;
        }
        pacer.acquire();
        inFlight.acquire();
        claimed.add(key);
        lastSendToChat.put(d.userId(), System.nanoTime());
        if (lastSendToChat.size() > 10_000) {
            long cutoff = System.nanoTime() - CHAT_SPACING_NANOS;
            lastSendToChat.values().removeIf(t -> t < cutoff);
        }
        sending.incrementAndGet();
        try {
            workers.execute(() -> send(d, key));
        } catch (RuntimeException e) {
            sending.decrementAndGet();
            claimed.remove(key);
            inFlight.release();
            throw e;
        }
        return true;
    }

    /**
     * In a worker: marks the recipient {@code SENDING} (committed), then calls the Bot API and records the outcome.
     * Workers do the database writes, so the pacing loop never waits for them.
     */
    private void send(Delivery d, String key) {
        try {
            if (!outbox.markSending(d)) {
                return; // paused, cancelled or already handled meanwhile
            }
            sendMarked(d);
        } catch (RuntimeException e) {
            LOG.warn("Mailing {} to {} could not be marked as sending: {}", d.mailingId(), d.userId(), e.toString());
        } finally {
            claimed.remove(key);
            sending.decrementAndGet();
            inFlight.release();
        }
    }

    private void sendMarked(Delivery d) {
        try {
            Optional<MailingContent> content = content(d.mailingId());
            if (content.isEmpty()) {
                outbox.failed(d, "mailing deleted");
                metrics.mailingSend("failed");
                return;
            }
            call(d.userId(), content.get());
            outbox.delivered(d);
            metrics.mailingSend("delivered");
            health.answered();
        } catch (TelegramApiRequestException e) {
            health.answered();
            handleRefusal(d, e);
        } catch (TelegramApiException e) {
            String detail = TelegramReach.describe(e);
            if (TelegramReach.notSent(e)) {
                outbox.notSent(d, detail);
                metrics.mailingSend("not_sent");
                unreachable(detail);
            } else {
                outbox.unknown(d, "no-answer: " + detail);
                metrics.mailingSend("unknown");
            }
        } catch (RuntimeException e) {
            LOG.warn("Mailing {} to {} ended with an unknown outcome: {}", d.mailingId(), d.userId(), e.toString());
            try {
                outbox.unknown(d, "error: " + e.getMessage());
                metrics.mailingSend("unknown");
            } catch (RuntimeException ignored) {
                // the row stays SENDING and becomes UNKNOWN when a sender takes over
            }
        }
    }

    private void handleRefusal(Delivery d, TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String reason = code + " " + (e.getApiResponse() == null ? "" : e.getApiResponse());
        if (code == null || code == 0) {
            // an answer we could not read (a 200 included): it may well have been delivered, so never resent
            outbox.unknown(d, "no-answer: unreadable reply: " + e.getMessage());
            metrics.mailingSend("unknown");
        } else if (code == 429) {
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            long seconds = retryAfter == null ? 1 : Math.max(1, retryAfter);
            pacer.pauseFor(seconds);
            outbox.retryAt(d, Instant.now().plusSeconds(seconds), "rate-limited: " + reason);
            metrics.mailingSend("rate_limited");
        } else if (code == 403) {
            outbox.blocked(d, "blocked: " + reason);
            metrics.mailingSend("blocked");
        } else if (code >= 500 && d.attempts() + 1 < settings.maxAttempts()) {
            outbox.retryAt(d, Instant.now().plusSeconds(2L * (d.attempts() + 1)), "server-error: " + reason);
            metrics.mailingSend("retry");
        } else {
            outbox.failed(d, (code >= 500 ? "server-error: " : "refused: ") + reason);
            metrics.mailingSend("failed");
        }
    }

    /** A call never reached Telegram: running mailings pause with that reason (logged once per outage). */
    private void unreachable(String detail) {
        health.unreachable(detail);
        List<Long> paused = outbox.pauseUnreachable(detail);
        if (!paused.isEmpty()) {
            LOG.warn("Telegram unreachable ({}): mailings {} paused, recipients not sent stay pending", detail, paused);
        }
    }

    /** While mailings wait for Telegram, asks it every {@code probe-every} whether it answers again. */
    private void probeIfWaiting() {
        long now = System.nanoTime();
        if (now - lastProbe < settings.probeEvery().toNanos()) {
            return;
        }
        lastProbe = now;
        if (outbox.waitingForTelegram() == 0) {
            return;
        }
        try {
            client.execute(new GetMe());
            health.answered();
            int changed = outbox.telegramAnswers(settings.autoResume());
            if (changed > 0) {
                LOG.info(
                        settings.autoResume() ? "Telegram answers again: {} paused mailings resumed"
                                : "Telegram answers again: {} paused mailings wait for an admin to resume them",
                        changed);
            }
        } catch (TelegramApiRequestException e) {
            health.answered(); // an answer, even a refusal, means Telegram is reachable
            outbox.telegramAnswers(settings.autoResume());
        } catch (TelegramApiException e) {
            health.unreachable(TelegramReach.describe(e));
        }
    }

    private void call(long chatId, MailingContent c) throws TelegramApiException {
        InlineKeyboardMarkup markup = null;
        if (c.buttonChannelId() != null && c.buttonText() != null && !bot.miniAppUrl().isBlank()) {
            String base = bot.miniAppUrl();
            String url = base + (base.contains("?") ? "&" : "?") + "tgWebAppStartParam="
                    + URLEncoder.encode("ch_" + c.buttonChannelId(), StandardCharsets.UTF_8);
            markup = InlineKeyboardMarkup.builder()
                    .keyboard(List.of(new InlineKeyboardRow(
                            InlineKeyboardButton.builder().text(c.buttonText()).webApp(new WebAppInfo(url)).build())))
                    .build();
        }
        if (c.imageUrl() != null) {
            client.execute(SendPhoto.builder().chatId(chatId).photo(new InputFile(c.imageUrl())).caption(c.text())
                    .parseMode(ParseMode.HTML).replyMarkup(markup).build());
        } else {
            client.execute(SendMessage.builder().chatId(chatId).text(c.text()).parseMode(ParseMode.HTML)
                    .replyMarkup(markup).build());
        }
    }

    private Optional<MailingContent> content(long mailingId) {
        MailingContent cached = contents.get(mailingId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<MailingContent> loaded = outbox.content(mailingId);
        loaded.ifPresent(c -> {
            if (contents.size() > 1_000) {
                contents.clear();
            }
            contents.put(mailingId, c);
        });
        return loaded;
    }

    private void waitForOwnCalls() throws InterruptedException {
        while (sending.get() > 0) {
            Thread.sleep(50);
        }
    }

    @PreDestroy
    void shutdown() {
        stopping = true;
        leaseTimer.shutdownNow();
        loop.interrupt();
        try {
            loop.join(5_000);
            workers.shutdown();
            workers.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.release(LEASE, owner);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
