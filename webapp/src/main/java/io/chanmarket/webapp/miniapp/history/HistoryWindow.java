package io.chanmarket.webapp.miniapp.history;

import io.chanmarket.webapp.miniapp.history.ChannelHistory.Point;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A channel's series over one window (oldest first), with the source and time of the newest parser row. The chart
 * geometry ({@link #polyline}) is computed here so the template draws a plain SVG polyline.
 */
public record HistoryWindow(int days, Instant from, Instant to, List<Point> subscribers, List<Point> reach,
        List<Point> err, List<Point> price, @Nullable String source, @Nullable Instant updatedAt) {

    /** Chart box: x 0..100 (time), y 0..40 (value, top is the maximum). */
    public static final int WIDTH = 100;
    public static final int HEIGHT = 40;

    public boolean isEmpty() {
        return subscribers.isEmpty() && reach.isEmpty() && err.isEmpty() && price.size() < 2;
    }

    /** The SVG {@code points} of a series scaled into the chart box over this window's time span. */
    public String polyline(List<Point> series) {
        if (series.isEmpty()) {
            return "";
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Point p : series) {
            double v = p.value().doubleValue();
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = max - min;
        double t0 = from.toEpochMilli();
        double dt = Math.max(1, to.toEpochMilli() - t0);
        StringBuilder out = new StringBuilder(series.size() * 12);
        for (Point p : series) {
            double x = Math.max(0, Math.min(WIDTH, (p.at().toEpochMilli() - t0) / dt * WIDTH));
            double y = span == 0 ? HEIGHT / 2.0 : 2 + (HEIGHT - 4) * (max - p.value().doubleValue()) / span;
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(Math.round(x * 10) / 10.0).append(',').append(Math.round(y * 10) / 10.0);
        }
        if (series.size() == 1) {
            out.append(' ').append(WIDTH).append(',').append(span == 0 ? HEIGHT / 2.0 : 2);
        }
        return out.toString();
    }

    /** The last value of a series, or null. */
    public @Nullable BigDecimal last(List<Point> series) {
        return series.isEmpty() ? null : series.get(series.size() - 1).value();
    }

    /** Last minus first, or null with fewer than two points. */
    public @Nullable BigDecimal change(List<Point> series) {
        return series.size() < 2 ? null : last(series).subtract(series.get(0).value());
    }
}
