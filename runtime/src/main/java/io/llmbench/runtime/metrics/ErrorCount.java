package io.llmbench.runtime.metrics;

import io.llmbench.runtime.record.ErrorType;

/**
 * How many profiling requests failed one way.
 *
 * @param type the failure class
 * @param code the HTTP status, 0 when there was none
 * @param message the failure's message (messages past a per-run cap of distinct ones are counted
 *     together under {@link RunMetrics#OTHER_MESSAGES})
 * @param count how many requests
 */
public record ErrorCount(ErrorType type, int code, String message, long count) {
}
