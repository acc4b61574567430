package io.chanmarket.parsers.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A daily chart series (TGStat keeps 30 days of each metric in its page scripts). */
public record Series(List<Point> points) {

    public Series {
        points = List.copyOf(points);
    }

    /** One day's value. */
    public record Point(LocalDate day, BigDecimal value) {
    }
}
