package io.llmbench.runtime.metrics;

/** How a metric is measured and summarized. */
public enum MetricKind {
    /** One value per request; summarized with {@link Statistics} over the valid profiling requests. */
    PER_REQUEST,
    /** Many values per request (one per chunk gap); summarized with an HdrHistogram. */
    PER_CHUNK,
    /** One value for the whole run. */
    RUN_LEVEL
}
