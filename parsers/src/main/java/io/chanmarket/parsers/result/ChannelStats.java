package io.chanmarket.parsers.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one channel as TGStat shows them (page or API). Every number is null when the source has no data
 * ("—" or a JSON null), never zero; a number the parser refused is null too and listed in {@code refused}, so it is not
 * written.
 *
 * @param redLabel
 *            a red-label marker was found (never from free text)
 * @param labelsRead
 *            whether the place the markers live was there to look at (the page header, the API's
 *            {@code tgstat_restrictions}); when false the labels are unknown and stay as they were
 * @param markers
 *            every marker found, known or not: the evidence behind the labels
 * @param series
 *            30-day chart series by chart name ({@code participants}, {@code ci}, {@code reach}, {@code adv-reach},
 *            {@code posts}, {@code er-dynamics}); empty from the API
 * @param missingCards
 *            optional stat cards the page did not have (a hint that the layout is drifting)
 * @param refused
 *            values not read because they were ambiguous
 */
public record ChannelStats(String title, String username, String logoUrl, String tgLink, String category,
        String country, String language, Long subscribers, Long subscribersDay, Long subscribersWeek,
        Long subscribersMonth, BigDecimal citationIndex, Long mentioningChannels, Long mentions, Long forwards,
        Long avgReach, BigDecimal errPct, BigDecimal err24Pct, Long adReach12h, Long adReach24h, Long adReach48h,
        BigDecimal erPct, Long postsCount, LocalDate createdOn, String age, boolean verified, boolean redLabel,
        boolean blackLabel, BigDecimal genderMalePct, BigDecimal genderFemalePct, Map<String, Series> series,
        List<String> missingCards, boolean labelsRead, List<LabelMarker> markers, List<Refusal> refused) {

    public ChannelStats {
        series = Map.copyOf(series);
        missingCards = List.copyOf(missingCards);
        markers = List.copyOf(markers);
        refused = List.copyOf(refused);
    }

    /** Whether {@code field} (a component name) was refused. */
    public boolean isRefused(String field) {
        return refused.stream().anyMatch(r -> r.field().equals(field));
    }
}
