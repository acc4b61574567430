package io.chanmarket.core.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * The product's own metrics, named in this one place (Prometheus names in brackets; docs/operations.md lists them and
 * the dashboards that read them):
 *
 * <ul>
 * <li>{@code chanmarket.ads.requests{outcome}} [{@code chanmarket_ads_requests_total}]: {@code GET /ads} answers by
 * outcome: {@code new} (a new impression, earning), {@code repeat} (an ad shown again, earning nothing), {@code none}
 * (404).</li>
 * <li>{@code chanmarket.ads.revenue{kind}} [{@code chanmarket_ads_revenue_total}]: money earned, {@code impression} and
 * {@code click}.</li>
 * <li>{@code chanmarket.ads.commit.rows} [{@code chanmarket_ads_commit_rows}] and {@code chanmarket.ads.commit}
 * [{@code chanmarket_ads_commit_seconds}]: impressions per group commit and its time.</li>
 * <li>{@code chanmarket.mailing.sends{outcome}} [{@code chanmarket_mailing_sends_total}]: mailing messages by
 * outcome.</li>
 * <li>{@code chanmarket.parser.fetches{source,status}} [{@code chanmarket_parser_fetches_total}]: parser fetches by
 * outcome.</li>
 * <li>{@code chanmarket.miniapp.events{type}} [{@code chanmarket_miniapp_events_total}]: Mini App events by type.</li>
 * <li>{@code chanmarket.miniapp.initdata.refused{reason}} [{@code chanmarket_miniapp_initdata_refused_total}]: refused
 * Mini App sign-ins.</li>
 * </ul>
 *
 * Without a registry in the context (a module's tests) the meters live in a private registry nobody reads.
 */
@Singleton
public class AppMetrics {

    public static final String MAILING_SENDS = "chanmarket.mailing.sends";
    public static final String PARSER_FETCHES = "chanmarket.parser.fetches";
    public static final String MINIAPP_EVENTS = "chanmarket.miniapp.events";
    public static final String INITDATA_REFUSED = "chanmarket.miniapp.initdata.refused";

    private final MeterRegistry registry;
    private final Counter adsNew;
    private final Counter adsRepeat;
    private final Counter adsNone;
    private final Counter revenueImpressions;
    private final Counter revenueClicks;
    private final DistributionSummary commitRows;
    private final Timer commitTime;

    public AppMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry != null ? registry : new SimpleMeterRegistry();
        this.adsNew = adsRequests("new");
        this.adsRepeat = adsRequests("repeat");
        this.adsNone = adsRequests("none");
        this.revenueImpressions = revenue("impression");
        this.revenueClicks = revenue("click");
        this.commitRows = DistributionSummary.builder("chanmarket.ads.commit.rows")
                .description("Impressions stored per group commit").publishPercentileHistogram()
                .register(this.registry);
        this.commitTime = Timer.builder("chanmarket.ads.commit").description("Time of one impressions group commit")
                .publishPercentileHistogram().register(this.registry);
        declare(MAILING_SENDS, "outcome",
                java.util.List.of("delivered", "failed", "blocked", "unknown", "not_sent", "rate_limited", "retry"));
        declare(INITDATA_REFUSED, "reason", java.util.List.of("missing", "scheme", "invalid"));
    }

    private Counter adsRequests(String outcome) {
        return Counter.builder("chanmarket.ads.requests").description("GET /ads answers by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter revenue(String kind) {
        return Counter.builder("chanmarket.ads.revenue").description("Money earned by the ad engine").tag("kind", kind)
                .register(registry);
    }

    /** A new impression was stored (it earns its cost per impression). */
    public void adImpression(double costPerImpression) {
        adsNew.increment();
        revenueImpressions.increment(costPerImpression);
    }

    /** An ad the client was already counted for was shown again. */
    public void adRepeat() {
        adsRepeat.increment();
    }

    /** No ad fitted (404). */
    public void adNone() {
        adsNone.increment();
    }

    /** A first click on an ad was recorded. */
    public void adClick(double costPerClick) {
        revenueClicks.increment(costPerClick);
    }

    /** One group commit of impressions. */
    public void impressionCommit(int rows, long nanos) {
        commitRows.record(rows);
        commitTime.record(Duration.ofNanos(nanos));
    }

    /** One mailing message's outcome (sent, failed, blocked, ...). */
    public void mailingSend(String outcome) {
        registry.counter(MAILING_SENDS, "outcome", tag(outcome)).increment();
    }

    /** One parser fetch's outcome. */
    public void parserFetch(String source, String status) {
        registry.counter(PARSER_FETCHES, "source", tag(source), "status", tag(status)).increment();
    }

    /** One Mini App event. */
    public void miniAppEvent(String type) {
        registry.counter(MINIAPP_EVENTS, "type", tag(type)).increment();
    }

    /** A refused Mini App sign-in (initData missing, forged, expired...). */
    public void initDataRefused(String reason) {
        registry.counter(INITDATA_REFUSED, "reason", tag(reason)).increment();
    }

    /**
     * Registers the counters of {@code name} for each of {@code values} of tag {@code key} at 0, so that they are
     * exported (and a rate can be taken) before the first event; {@code fixed} are further tag pairs.
     */
    public void declare(String name, String key, Iterable<String> values, String... fixed) {
        for (String value : values) {
            String[] tags = java.util.Arrays.copyOf(fixed, fixed.length + 2);
            tags[fixed.length] = key;
            tags[fixed.length + 1] = tag(value);
            registry.counter(name, tags);
        }
    }

    /**
     * A gauge {@code chanmarket.dependency.up{dependency}} [{@code chanmarket_dependency_up}]: 1 while the dependency
     * answers, 0 when it does not; the caller sets the returned value.
     */
    public java.util.concurrent.atomic.AtomicInteger dependency(String name) {
        return registry.gauge("chanmarket.dependency.up",
                io.micrometer.core.instrument.Tags.of("dependency", tag(name)),
                new java.util.concurrent.atomic.AtomicInteger(1));
    }

    /** Exports a Caffeine cache's size, hits, misses and evictions as {@code cache_*{cache="name"}}. */
    public void monitor(com.github.benmanes.caffeine.cache.Cache<?, ?> cache, String name) {
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    private static String tag(String value) {
        return value == null ? "unknown" : value.toLowerCase(Locale.ROOT);
    }
}
