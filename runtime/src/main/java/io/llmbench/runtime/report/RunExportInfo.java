package io.llmbench.runtime.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the summary exports say about a run besides its metrics.
 *
 * @param inputConfig every resolved setting, secrets already redacted by the caller (written as
 *     {@code input_config})
 * @param startTime when the profiling phase started ({@code start_time}), or {@code null}
 * @param endTime when it ended ({@code end_time}), or {@code null}
 * @param wasCancelled whether the run was cut short ({@code was_cancelled})
 * @param toolVersion the version written beside the tool's name
 * @param accounting where every profiling request went ({@code request_accounting}), or {@code null}
 * @param environment where it ran ({@code environment}: JVM, OS, cores, the suite's git commit)
 * @param runFailure why the run sent nothing (its server could not be reached), or {@code null}
 *     ({@code run_failure})
 */
public record RunExportInfo(
        Map<String, Object> inputConfig,
        Instant startTime,
        Instant endTime,
        boolean wasCancelled,
        String toolVersion,
        RequestAccounting accounting,
        Map<String, Object> environment,
        String runFailure) {

    public RunExportInfo {
        // LinkedHashMap rather than Map.copyOf: keeps the caller's order and allows null values.
        inputConfig = Collections.unmodifiableMap(new LinkedHashMap<>(inputConfig));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** As the canonical constructor, for a run that ran. */
    public RunExportInfo(Map<String, Object> inputConfig, Instant startTime, Instant endTime, boolean wasCancelled,
            String toolVersion, RequestAccounting accounting, Map<String, Object> environment) {
        this(inputConfig, startTime, endTime, wasCancelled, toolVersion, accounting, environment, null);
    }

    /** The same info for a run that could not start, saying why. */
    public RunExportInfo withRunFailure(String failure) {
        return new RunExportInfo(inputConfig, startTime, endTime, wasCancelled, toolVersion, accounting, environment,
                failure);
    }

    /**
     * The info of a run made by this process, in the current environment
     * ({@link RunEnvironment#current()}), with the request accounting, or {@code null} for none.
     */
    public RunExportInfo(Map<String, Object> inputConfig, Instant startTime, Instant endTime, boolean wasCancelled,
            String toolVersion, RequestAccounting accounting) {
        this(inputConfig, startTime, endTime, wasCancelled, toolVersion, accounting, RunEnvironment.current());
    }

    /** As above, without request accounting. */
    public RunExportInfo(Map<String, Object> inputConfig, Instant startTime, Instant endTime, boolean wasCancelled,
            String toolVersion) {
        this(inputConfig, startTime, endTime, wasCancelled, toolVersion, null);
    }
}
