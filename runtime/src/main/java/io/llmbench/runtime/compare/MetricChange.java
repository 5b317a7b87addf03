package io.llmbench.runtime.compare;

import io.llmbench.runtime.metrics.MetricTag;

/**
 * One metric's change from the baseline run to the candidate.
 *
 * @param tag the metric
 * @param stat the statistic compared ({@code avg} for run-level metrics)
 * @param baseline its value in the baseline
 * @param candidate its value in the candidate
 * @param changePct the relative change, percent of the baseline ({@code NaN} when the baseline is 0); for
 *     the error rate ({@code stat} {@code rate %}), the change in percentage points
 * @param pValue the Mann-Whitney p-value on the per-request values (for the error rate, the
 *     two-proportion test's), {@code NaN} when not testable
 * @param verdict what the change means
 */
public record MetricChange(MetricTag tag, String stat, double baseline, double candidate, double changePct,
        double pValue, Verdict verdict) {
}
