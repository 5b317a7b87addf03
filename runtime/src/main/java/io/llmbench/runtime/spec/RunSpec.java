package io.llmbench.runtime.spec;

import java.nio.file.Path;
import java.util.Map;

/**
 * The fully resolved settings of one run (one benchmark, one sweep point).
 *
 * @param benchmarkName the benchmark's name (its class name, or {@code profile})
 * @param point the sweep point's values by setting name, empty when the benchmark sweeps nothing
 * @param target where and how requests are sent
 * @param load how much load
 * @param input what is sent
 * @param goodput the SLOs for goodput, {@code "tag:value ..."}, or {@code ""}
 * @param artifactDir the root folder of exports; this run writes into a folder of its own below it
 * @param output what the run writes and shows, or {@code null} for the runner's own settings
 */
public record RunSpec(
        String benchmarkName,
        Map<String, String> point,
        TargetSpec target,
        LoadSpec load,
        InputSpec input,
        String goodput,
        Path artifactDir,
        io.llmbench.runtime.report.OutputSettings output) {

    public RunSpec {
        point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
    }

    /** A run that writes and shows what its runner's settings say. */
    public RunSpec(String benchmarkName, Map<String, String> point, TargetSpec target, LoadSpec load,
            InputSpec input, String goodput, Path artifactDir) {
        this(benchmarkName, point, target, load, input, goodput, artifactDir, null);
    }
}
