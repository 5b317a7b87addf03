package io.llmbench.runtime.run;

import io.llmbench.runtime.metrics.Accuracy;
import io.llmbench.runtime.metrics.RunSummary;
import java.nio.file.Path;

/**
 * How one run ended.
 *
 * @param runDirectory where its exports were written
 * @param successfulRequests valid profiling requests
 * @param failedRequests failed profiling requests
 * @param interrupted whether it was stopped by an interrupt (Ctrl-C) before its end
 * @param summary the run's metrics
 * @param accuracy the benchmark's response check outcome, or {@code null} when it has no check
 * @param failure why the run sent nothing (its server could not be reached), or {@code null}
 */
public record RunOutcome(Path runDirectory, long successfulRequests, long failedRequests, boolean interrupted,
        RunSummary summary, Accuracy accuracy, String failure) {

    /** The outcome of a run that ran. */
    public RunOutcome(Path runDirectory, long successfulRequests, long failedRequests, boolean interrupted,
            RunSummary summary, Accuracy accuracy) {
        this(runDirectory, successfulRequests, failedRequests, interrupted, summary, accuracy, null);
    }
}
