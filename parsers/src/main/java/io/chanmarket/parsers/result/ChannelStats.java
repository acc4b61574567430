package io.chanmarket.parsers.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one channel as TGStat shows them (page or API). Every number is null when the source has no data
 * ("—" or a JSON null), never zero.
 *
 * @param series
 *            30-day chart series by chart name ({@code participants}, {@code ci}, {@code reach}, {@code adv-reach},
 *            {@code posts}, {@code er-dynamics}); empty from the API
 * @param missingCards
 *            optional stat cards the page did not have (a hint that the layout is drifting)
 */
public record ChannelStats(String title, String username, String logoUrl, String tgLink, String category,
        String country, String language, Long subscribers, Long subscribersDay, Long subscribersWeek,
        Long subscribersMonth, BigDecimal citationIndex, Long mentioningChannels, Long mentions, Long forwards,
        Long avgReach, BigDecimal errPct, BigDecimal err24Pct, Long adReach12h, Long adReach24h, Long adReach48h,
        BigDecimal erPct, Long postsCount, LocalDate createdOn, String age, boolean verified, boolean redLabel,
        boolean blackLabel, BigDecimal genderMalePct, BigDecimal genderFemalePct, Map<String, Series> series,
        List<String> missingCards) {

    public ChannelStats {
        series = Map.copyOf(series);
        missingCards = List.copyOf(missingCards);
    }
}
