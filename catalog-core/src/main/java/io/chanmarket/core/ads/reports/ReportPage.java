package io.chanmarket.core.ads.reports;

import java.util.List;

/** One page of reports, newest first: {@code page} is 1-based, {@code total} counts every matching report. */
public record ReportPage(List<Report> items, long total, int page, int size) {

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }
}
