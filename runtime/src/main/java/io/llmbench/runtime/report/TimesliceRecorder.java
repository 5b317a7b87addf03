package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RequestValues;
import io.llmbench.runtime.metrics.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts the profiling requests of a run into consecutive time windows of equal width
 * ({@code --slice-duration}) by the instant each request ended, and summarizes each window as the
 * run is summarized: statistics of the per-request metrics over its valid requests, its counts, and
 * throughputs over the window's width (the last window: up to the last end in it). Confined to the
 * processing thread.
 */
public final class TimesliceRecorder {

    /** The per-request metrics summarized per window: those of the console table. */
    static final List<MetricTag> TAGS = List.of(MetricTag.TIME_TO_FIRST_TOKEN, MetricTag.TIME_TO_SECOND_TOKEN,
            MetricTag.REQUEST_LATENCY, MetricTag.INTER_TOKEN_LATENCY, MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER,
            MetricTag.OUTPUT_SEQUENCE_LENGTH, MetricTag.INPUT_SEQUENCE_LENGTH);

    private final long sliceNs;
    private long originNs;
    private final TreeMap<Long, Window> windows = new TreeMap<>();

    /**
     * @param sliceNs the window width in nanoseconds
     * @param originNs where the first window starts ({@code System.nanoTime()})
     */
    public TimesliceRecorder(long sliceNs, long originNs) {
        if (sliceNs <= 0) {
            throw new IllegalArgumentException("slice width must be positive");
        }
        this.sliceNs = sliceNs;
        this.originNs = originNs;
    }

    /** Moves the first window's start, e.g. to the start of the profiling phase; only before any request. */
    public void restartAt(long originNs) {
        if (windows.isEmpty()) {
            this.originNs = originNs;
        }
    }

    /** Adds one profiling request that ended at {@code endNs} (valid or not). */
    public void accept(long endNs, boolean valid, RequestValues values) {
        long index = Math.max(0, Math.floorDiv(endNs - originNs, sliceNs));
        Window window = windows.computeIfAbsent(index, i -> new Window());
        window.lastEndNs = Math.max(window.lastEndNs, endNs);
        if (!valid) {
            window.errors++;
            return;
        }
        window.valid++;
        for (int i = 0; i < TAGS.size(); i++) {
            MetricTag tag = TAGS.get(i);
            if (values.has(tag)) {
                window.add(i, values.get(tag));
            }
        }
        if (values.has(MetricTag.OUTPUT_SEQUENCE_LENGTH)) {
            window.totalOsl += values.get(MetricTag.OUTPUT_SEQUENCE_LENGTH);
        }
        if (values.has(MetricTag.INPUT_SEQUENCE_LENGTH)) {
            window.totalIsl += values.get(MetricTag.INPUT_SEQUENCE_LENGTH);
        }
    }

    /** The windows that saw a request, in time order, with offsets from the origin. */
    public List<Timeslice> timeslices() {
        List<Timeslice> slices = new ArrayList<>();
        for (Map.Entry<Long, Window> entry : windows.entrySet()) {
            long startNs = originNs + entry.getKey() * sliceNs;
            long endNs = startNs + sliceNs;
            Window w = entry.getValue();
            boolean last = entry.getKey().equals(windows.lastKey());
            double seconds = ((last ? Math.min(endNs, Math.max(w.lastEndNs, startNs + 1)) : endNs) - startNs) / 1e9;
            EnumMap<MetricTag, Statistics> stats = new EnumMap<>(MetricTag.class);
            for (int i = 0; i < TAGS.size(); i++) {
                if (w.sizes[i] > 0) {
                    stats.put(TAGS.get(i), Statistics.of(w.values[i], w.sizes[i]));
                }
            }
            EnumMap<MetricTag, Double> runLevel = new EnumMap<>(MetricTag.class);
            runLevel.put(MetricTag.REQUEST_COUNT, (double) w.valid);
            runLevel.put(MetricTag.ERROR_REQUEST_COUNT, (double) w.errors);
            runLevel.put(MetricTag.REQUEST_THROUGHPUT, w.valid / seconds);
            runLevel.put(MetricTag.OUTPUT_TOKEN_THROUGHPUT, w.totalOsl / seconds);
            runLevel.put(MetricTag.TOTAL_TOKEN_THROUGHPUT, (w.totalIsl + w.totalOsl) / seconds);
            slices.add(new Timeslice(entry.getKey().intValue(), (startNs - originNs) / 1e9, (endNs - originNs) / 1e9,
                    stats, runLevel));
        }
        return slices;
    }

    /** The window width in seconds. */
    public double sliceSeconds() {
        return sliceNs / 1e9;
    }

    /** The first window's start ({@code System.nanoTime()}). */
    public long originNs() {
        return originNs;
    }

    private static final class Window {
        final double[][] values = new double[TAGS.size()][16];
        final int[] sizes = new int[TAGS.size()];
        long valid;
        long errors;
        double totalOsl;
        double totalIsl;
        long lastEndNs = Long.MIN_VALUE;

        void add(int column, double value) {
            if (sizes[column] == values[column].length) {
                values[column] = Arrays.copyOf(values[column], sizes[column] * 2);
            }
            values[column][sizes[column]++] = value;
        }
    }
}
