package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.Statistics;
import java.util.Map;

/**
 * The metrics of one time window of a run.
 *
 * @param index the window's number from the run's start (windows without requests are left out)
 * @param startSeconds the window's start, seconds after the profiling phase started
 * @param endSeconds the window's end, likewise
 * @param statistics per-request metrics of the valid requests that ended in it
 * @param runLevel counts and throughputs of the window
 */
public record Timeslice(int index, double startSeconds, double endSeconds, Map<MetricTag, Statistics> statistics,
        Map<MetricTag, Double> runLevel) {
}
