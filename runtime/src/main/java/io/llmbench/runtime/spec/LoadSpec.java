package io.llmbench.runtime.spec;

/**
 * How much load, for how long.
 *
 * @param concurrency requests in flight at once (closed loop)
 * @param requestCount requests of the profiling phase
 * @param warmupRequestCount requests sent before profiling, excluded from the metrics
 */
public record LoadSpec(int concurrency, int requestCount, int warmupRequestCount) {
}
