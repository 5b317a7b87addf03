package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.Accuracy;
import io.llmbench.runtime.metrics.RunSummary;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run (one benchmark at one sweep point) measured, as the invocation's reports across runs
 * need it.
 *
 * @param benchmark the benchmark's name
 * @param point the sweep point's values by parameter name, empty when nothing was swept
 * @param runDirectory the run's export folder
 * @param summary its metrics
 * @param accuracy its response check's outcome, or {@code null} when the benchmark has no check
 */
public record PointResult(
        String benchmark, Map<String, String> point, Path runDirectory, RunSummary summary, Accuracy accuracy) {

    public PointResult {
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    }
}
