package io.chanmarket.admin.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Geometry of a server-rendered SVG bar chart: one group of bars per step, one bar per series, scaled to the largest
 * value.
 */
public record Chart(int width, int height, String max, List<Bar> bars, List<Tick> ticks, List<String> seriesColors) {

    public record Bar(double x, double y, double w, double h, String color, String title) {
    }

    public record Tick(double x, String label) {
    }

    private static final String[] COLORS = { "#2e86de", "#e67e22" };
    private static final int WIDTH = 900;
    private static final int HEIGHT = 220;
    private static final int AXIS = 20;

    /** {@code series[s][i]} is the value of series {@code s} at step {@code i}. */
    public static Chart of(List<String> labels, long[]... series) {
        double[][] values = new double[series.length][];
        for (int s = 0; s < series.length; s++) {
            values[s] = java.util.Arrays.stream(series[s]).asDoubleStream().toArray();
        }
        return build(labels, 1, v -> Long.toString(Math.round(v)), values);
    }

    /** Like {@link #of(List, long[][])} for fractional values (rates, money), shown by {@code format}. */
    public static Chart ofDecimals(List<String> labels, DoubleFunction<String> format, double[]... series) {
        return build(labels, 0, format, series);
    }

    private static Chart build(List<String> labels, double floor, DoubleFunction<String> format, double[]... series) {
        double max = floor;
        for (double[] s : series) {
            for (double v : s) {
                max = Math.max(max, v);
            }
        }
        double scale = max > 0 ? max : 1;
        int steps = Math.max(1, labels.size());
        // at least 12 slots wide: a chart of one or a few steps keeps bars of a normal width, centred
        double group = (double) WIDTH / Math.max(steps, 12);
        double offset = (WIDTH - group * steps) / 2;
        double barWidth = Math.max(1, group * 0.8 / series.length);
        double plot = HEIGHT - AXIS;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(steps / 10.0));
        for (int i = 0; i < labels.size(); i++) {
            for (int s = 0; s < series.length; s++) {
                double h = plot * series[s][i] / scale;
                bars.add(new Bar(offset + i * group + group * 0.1 + s * barWidth, plot - h, barWidth, h, COLORS[s % 2],
                        labels.get(i) + ": " + format.apply(series[s][i])));
            }
            if (i % every == 0) {
                ticks.add(new Tick(offset + i * group + group * 0.1, labels.get(i)));
            }
        }
        List<String> colors = new ArrayList<>();
        for (int s = 0; s < series.length; s++) {
            colors.add(COLORS[s % 2]);
        }
        return new Chart(WIDTH, HEIGHT, format.apply(max), bars, ticks, colors);
    }

    public String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
