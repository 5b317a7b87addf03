package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.RunsInterval;
import io.llmbench.runtime.metrics.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repeated runs of one point summed up as AIPerf's confidence aggregate does: every statistic of
 * every metric the runs exported ({@code <tag>_<statistic>}, e.g. {@code time_to_first_token_p99},
 * {@code request_throughput_avg}) taken over the successful runs, with mean, spread and interval.
 *
 * @param confidenceLevel the level of the intervals
 * @param runs every run in order, failed ones included
 * @param metrics by key, in the runs' export order
 */
public record RunsAggregate(double confidenceLevel, List<Run> runs, Map<String, Metric> metrics) {

    public RunsAggregate {
        runs = List.copyOf(runs);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * One run of the point.
     *
     * @param label {@code run_0001}, {@code run_0002}, ... as AIPerf labels them
     * @param directory the name of the run's folder (next to the aggregate's)
     * @param summary its metrics, or {@code null} when it failed
     * @param failure why it sent nothing, or {@code null}
     */
    public record Run(String label, String directory, RunSummary summary, String failure) {

        /** AIPerf's label of run {@code run} (from 1). */
        public static String label(int run) {
            return String.format(java.util.Locale.ROOT, "run_%04d", run);
        }
    }

    /** One statistic of one metric over the runs, with the metric's unit. */
    public record Metric(String unit, RunsInterval interval) {
    }

    /** The aggregate of {@code runs} (those without a failure count) at {@code confidenceLevel}. */
    public static RunsAggregate of(List<Run> runs, double confidenceLevel) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Run run : runs) {
            RunSummary summary = run.summary();
            if (run.failure() != null || summary == null) {
                continue;
            }
            for (Map.Entry<MetricTag, Statistics> entry : summary.statistics().entrySet()) {
                if (summary.applies(entry.getKey())) {
                    for (Map.Entry<String, Double> stat : StatisticNames.of(entry.getValue()).entrySet()) {
                        add(values, units, entry.getKey(), stat.getKey(), stat.getValue());
                    }
                }
            }
            for (Map.Entry<MetricTag, Double> entry : summary.runLevel().entrySet()) {
                if (summary.applies(entry.getKey())) {
                    add(values, units, entry.getKey(), "avg", entry.getValue());
                }
            }
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> entry : values.entrySet()) {
            double[] array = entry.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            metrics.put(entry.getKey(), new Metric(units.get(entry.getKey()), RunsInterval.of(array, confidenceLevel)));
        }
        return new RunsAggregate(confidenceLevel, runs, metrics);
    }

    private static void add(Map<String, List<Double>> values, Map<String, String> units, MetricTag tag, String stat,
            double value) {
        // A run without a finite value (no valid request) must not poison the others' mean.
        if (!Double.isFinite(value)) {
            return;
        }
        String key = tag.tag() + "_" + stat;
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        units.putIfAbsent(key, tag.unit());
    }

    /** The runs that did not fail. */
    public long successfulRuns() {
        return runs.stream().filter(run -> run.failure() == null && run.summary() != null).count();
    }

    /** The metric under {@code key} ({@code <tag>_<statistic>}), or {@code null}. */
    public Metric metric(String key) {
        return metrics.get(key);
    }
}
