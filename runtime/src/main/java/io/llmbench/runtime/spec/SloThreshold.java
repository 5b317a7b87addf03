package io.llmbench.runtime.spec;

/**
 * One {@code @Slo}: a bound on one statistic of a run's metric.
 *
 * @param metric the metric tag ({@code time_to_first_token}, {@code request_throughput}, {@code accuracy}, ...)
 * @param statistic the statistic of a per-request metric ({@code avg}, {@code p99}, ...), empty for a run-level one
 * @param max the largest value that meets it, or {@code NaN}
 * @param min the smallest value that meets it, or {@code NaN}
 */
public record SloThreshold(String metric, String statistic, double max, double min) {

    /** Like {@code time_to_first_token p99 <= 200}. */
    public String describe() {
        return metric + (statistic.isEmpty() ? "" : " " + statistic)
                + (Double.isNaN(max) ? " >= " + plain(min) : " <= " + plain(max));
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
