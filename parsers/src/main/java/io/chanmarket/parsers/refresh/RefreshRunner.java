package io.chanmarket.parsers.refresh;

import io.chanmarket.core.catalog.metrics.AudienceValues;
import io.chanmarket.core.catalog.metrics.ChannelMetrics;
import io.chanmarket.core.catalog.metrics.ChannelRef;
import io.chanmarket.core.catalog.metrics.MetricSource;
import io.chanmarket.core.catalog.metrics.StatField;
import io.chanmarket.core.catalog.metrics.StatValues;
import io.chanmarket.parsers.fetch.Fetched;
import io.chanmarket.parsers.fetch.Pacing;
import io.chanmarket.parsers.result.AudienceStats;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.Refusal;
import io.chanmarket.parsers.result.ResultStatus;
import io.chanmarket.parsers.review.Held;
import io.chanmarket.parsers.review.LabelEvidence;
import io.chanmarket.parsers.review.Plausibility;
import io.chanmarket.parsers.review.ValueReviews;
import io.chanmarket.parsers.telemetr.TelemetrSource;
import io.chanmarket.parsers.tgstat.TgstatApiSource;
import io.chanmarket.parsers.tgstat.TgstatHtmlSource;
import io.chanmarket.parsers.tgstat.TgstatSettings;
import io.chanmarket.parsers.text.Languages;
import io.chanmarket.parsers.warnings.ChannelWarnings;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes one channel now: TGStat (the API when a token is configured, else the stat page), then Telemetr when it is
 * switched on. Only an OK result writes values (through {@link ChannelMetrics}); every attempt is logged with its
 * status and reason, and a failure leaves the last good values in place. Within an OK result, a value the parser
 * refused or {@link Plausibility} holds back is not written either: the field keeps its value, the attempt is flagged,
 * and the value waits in {@link ValueReviews}; the label markers go to {@link LabelEvidence}.
 */
@Singleton
public class RefreshRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshRunner.class);

    private final ChannelMetrics metrics;
    private final TgstatSettings tgstatSettings;
    private final TgstatHtmlSource html;
    private final TgstatApiSource api;
    private final TelemetrSource telemetr;
    private final FetchLog log;
    private final ChannelWarnings warnings;
    private final Pacing pacing;

    /** The written fields that can be kept, by their {@link ChannelStats} component name. */
    static final Map<String, StatField> FIELDS = Map.of("subscribers", StatField.SUBSCRIBERS, "avgReach",
            StatField.AVG_REACH, "adReach12h", StatField.AD_REACH_12H, "adReach24h", StatField.AD_REACH_24H,
            "adReach48h", StatField.AD_REACH_48H, "errPct", StatField.ERR_PCT, "err24Pct", StatField.ERR24_PCT, "erPct",
            StatField.ER_PCT, "citationIndex", StatField.CITATION_INDEX, "postsCount", StatField.POSTS_COUNT);

    private final LabelEvidence labels;
    private final ValueReviews reviews;

    RefreshRunner(ChannelMetrics metrics, TgstatSettings tgstatSettings, TgstatHtmlSource html, TgstatApiSource api,
            TelemetrSource telemetr, FetchLog log, ChannelWarnings warnings, Pacing pacing, LabelEvidence labels,
            ValueReviews reviews) {
        this.labels = labels;
        this.reviews = reviews;
        this.metrics = metrics;
        this.tgstatSettings = tgstatSettings;
        this.html = html;
        this.api = api;
        this.telemetr = telemetr;
        this.log = log;
        this.warnings = warnings;
        this.pacing = pacing;
    }

    /** Refreshes the channel and reports how it went; never throws for a source's failure. */
    public RefreshOutcome refresh(ChannelRef channel) {
        String username = username(channel);
        if (username == null) {
            return new RefreshOutcome(channel.id(), ResultStatus.NOT_FOUND, null, false);
        }
        MetricSource source = tgstatSettings.apiEnabled() ? MetricSource.TGSTAT_API : MetricSource.TGSTAT_HTML;
        Instant started = pacing.now();
        long startNanos = System.nanoTime();
        Fetched<ChannelStats> fetched = source == MetricSource.TGSTAT_API ? api.fetch(username) : html.fetch(username);
        boolean written = false;
        String reason = null;
        if (fetched.result() instanceof ParseResult.Ok<ChannelStats> ok) {
            if (fetched.fromCache() && channel.metricsUpdatedAt() != null
                    && !fetched.fetchedAt().isAfter(channel.metricsUpdatedAt())) {
                reason = "cached reply, already written";
            } else {
                reason = write(channel.id(), source, ok.values(), fetched.fetchedAt());
                warnings.recompute(channel.id(), pacing.now());
                written = true;
            }
        } else if (fetched.result() instanceof ParseResult.Failed<ChannelStats> failed) {
            reason = failed.reason();
            LOG.info("TGStat fetch of channel {} failed: {} ({})", channel.id(), failed.status(), failed.reason());
        }
        log.record(new FetchAttempt(channel.id(), source.name(), started, fetched.result().status(), reason,
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis()));

        ResultStatus telemetrStatus = null;
        if (telemetr.enabled()) {
            telemetrStatus = refreshTelemetr(channel, username);
        }
        return new RefreshOutcome(channel.id(), fetched.result().status(), telemetrStatus, written);
    }

    /**
     * Writes what was read, keeping as they are the fields the parser refused, the values held back as implausible and
     * the labels when their place was not on the page; records the label markers and the values for review. Returns the
     * flag for the fetch log (null when everything was written).
     */
    private String write(long channelId, MetricSource source, ChannelStats stats, Instant fetchedAt) {
        Set<StatField> keep = EnumSet.noneOf(StatField.class);
        for (Refusal r : stats.refused()) {
            StatField f = FIELDS.get(r.field());
            if (f != null) {
                keep.add(f);
            }
        }
        if (!stats.labelsRead()) {
            keep.add(StatField.LABELS);
        }
        List<Held> held = Plausibility.check(stats, metrics.currentValues(channelId));
        held.forEach(h -> keep.add(h.field()));
        metrics.recordStats(channelId, source, values(stats), fetchedAt, keep);
        if (stats.labelsRead()) {
            labels.replace(channelId, source.name(), stats.markers(), fetchedAt);
        }
        List<String> writtenFields = new ArrayList<>();
        FIELDS.forEach((name, field) -> {
            if (!keep.contains(field)) {
                writtenFields.add(name);
            }
        });
        reviews.record(channelId, source.name(), writtenFields, stats.refused(), held, fetchedAt);
        return flag(stats.refused(), held, stats.labelsRead());
    }

    /** The fetch log's note for a page with values not written: "refused: ...; held: ...". */
    static String flag(List<Refusal> refused, List<Held> held, boolean labelsRead) {
        List<String> parts = new ArrayList<>();
        if (!refused.isEmpty()) {
            parts.add("refused: "
                    + String.join(", ", refused.stream().map(r -> r.field() + " ('" + r.text() + "')").toList()));
        }
        if (!held.isEmpty()) {
            parts.add("held for confirmation: " + String.join(", ",
                    held.stream().map(h -> h.name() + " (" + h.proposed().toPlainString() + ")").toList()));
        }
        if (!labelsRead) {
            parts.add("labels not read (no header), kept as they were");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private ResultStatus refreshTelemetr(ChannelRef channel, String username) {
        Instant started = pacing.now();
        long startNanos = System.nanoTime();
        Fetched<AudienceStats> fetched = telemetr.fetch(username, channel.telemetrUrl());
        String reason = null;
        if (fetched.result() instanceof ParseResult.Ok<AudienceStats> ok) {
            if (!fetched.fromCache()) {
                AudienceStats a = ok.values();
                reviews.record(channel.id(), MetricSource.TELEMETR.name(),
                        List.of("subscribers", "viewsPerPost", "erPct", "genderMalePct", "genderFemalePct"),
                        a.refused(), List.of(), fetched.fetchedAt());
                reason = a.refused().isEmpty() ? null : flag(a.refused(), List.of(), true);
                metrics.recordAudience(
                        channel.id(), MetricSource.TELEMETR, new AudienceValues(a.subscribers(), a.viewsPerPost(),
                                a.erPct(), a.genderMalePct(), a.genderFemalePct(), Languages.isoCode(a.language())),
                        fetched.fetchedAt());
            } else {
                reason = "cached reply, already written";
            }
        } else if (fetched.result() instanceof ParseResult.Failed<AudienceStats> failed) {
            reason = failed.reason();
        }
        log.record(new FetchAttempt(channel.id(), MetricSource.TELEMETR.name(), started, fetched.result().status(),
                reason, Duration.ofNanos(System.nanoTime() - startNanos).toMillis()));
        return fetched.result().status();
    }

    static StatValues values(ChannelStats s) {
        return new StatValues(s.subscribers(), s.avgReach(), s.adReach12h(), s.adReach24h(), s.adReach48h(), s.errPct(),
                s.err24Pct(), s.erPct(), s.citationIndex(), s.postsCount(), s.createdOn(), s.verified(), s.redLabel(),
                s.blackLabel(), s.country(), Languages.isoCode(s.language()), s.logoUrl());
    }

    /** The channel's username, from the catalog or its TGStat link. */
    static String username(ChannelRef channel) {
        if (channel.username() != null && !channel.username().isBlank()) {
            return channel.username().replaceFirst("^@", "");
        }
        String url = channel.tgstatUrl();
        if (url != null) {
            int at = url.indexOf("/channel/");
            if (at >= 0) {
                String rest = url.substring(at + "/channel/".length()).replaceFirst("^@", "");
                String name = rest.replaceAll("[/?#].*", "");
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }
}
