package io.chanmarket.bot.telegram;

import io.chanmarket.core.platform.shared.Leases;
import io.chanmarket.core.platform.shared.NodeIdentity;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;

/**
 * Long polling, on one node only: the node that holds the {@value #LEASE} lease polls; the lease is renewed every third
 * of {@code app.bot.lease-ttl}, polling stops when it is lost, and the lease is released on shutdown so another node
 * takes over at once. Each received update goes through the {@link UpdateDispatcher}'s catch-all.
 */
@Context
@Requires(property = "app.bot.token", pattern = ".+")
@Requires(property = "app.roles.bot", notEquals = "false")
@Requires(property = "app.bot.mode", notEquals = "webhook")
public class LongPolling {

    public static final String LEASE = "bot-polling";
    private static final Logger LOG = LoggerFactory.getLogger(LongPolling.class);
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");

    private final BotSettings settings;
    private final UpdateDispatcher dispatcher;
    private final Leases leases;
    private final String owner;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bot-polling-lease");
        thread.setDaemon(true);
        return thread;
    });
    private TelegramBotsLongPollingApplication application;
    private BotSession session;
    private String lastFailure;

    LongPolling(BotSettings settings, UpdateDispatcher dispatcher, Leases leases, NodeIdentity node) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.leases = leases;
        this.owner = node.id();
        long every = Math.max(100, settings.leaseTtl().toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renew, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Whether this node is polling now. */
    public synchronized boolean polling() {
        return session != null && session.isRunning();
    }

    private void renew() {
        try {
            boolean held = leases.tryAcquire(LEASE, owner, settings.leaseTtl());
            if (held && !polling()) {
                start();
            } else if (!held && polling()) {
                LOG.warn("Lost the {} lease: polling stops on this node", LEASE);
                stop();
            }
        } catch (RuntimeException e) {
            LOG.warn("Bot polling lease check failed: {}", e.toString());
        }
    }

    private synchronized void start() {
        try {
            if (application == null) {
                application = new TelegramBotsLongPollingApplication();
            }
            if (session != null) {
                // a session that stopped (e.g. Telegram unreachable at its start) is dropped before a new one
                application.unregisterBot(settings.token());
                session = null;
            }
            session = application.registerBot(settings.token(), settings::telegramUrl,
                    new DefaultGetUpdatesGenerator(ALLOWED_UPDATES), dispatcher::dispatchAll);
            LOG.info(lastFailure == null ? "Bot long polling started on this node"
                    : "Bot long polling started on this node (Telegram answers again)");
            lastFailure = null;
        } catch (Exception e) {
            String failure = describe(e);
            if (!failure.equals(lastFailure)) {
                // once per distinct failure, not at every lease renewal while Telegram stays unreachable
                LOG.warn("Bot long polling could not start: {}; retrying quietly until it changes", failure);
                lastFailure = failure;
            }
            try {
                if (application != null) {
                    application.unregisterBot(settings.token());
                }
            } catch (Exception ignored) {
                // it was not registered
            }
            session = null;
        }
    }

    private synchronized void stop() {
        try {
            if (application != null && session != null) {
                application.unregisterBot(settings.token());
            }
        } catch (Exception e) {
            LOG.warn("Bot long polling did not stop cleanly: {}", e.toString());
        }
        session = null;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + ": " + root;
    }

    @PreDestroy
    void shutdown() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
        synchronized (this) {
            if (application != null) {
                try {
                    application.close();
                } catch (Exception e) {
                    LOG.debug("Closing the polling application: {}", e.toString());
                }
            }
        }
        leases.release(LEASE, owner);
    }
}
