package io.llmbench.runtime.run;

import java.nio.file.Path;

/**
 * How one run ended.
 *
 * @param runDirectory where its exports were written
 * @param successfulRequests valid profiling requests
 * @param failedRequests failed profiling requests
 * @param interrupted whether it was stopped by an interrupt (Ctrl-C) before its end
 */
public record RunOutcome(Path runDirectory, long successfulRequests, long failedRequests, boolean interrupted) {
}
