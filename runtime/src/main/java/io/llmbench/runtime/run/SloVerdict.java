package io.llmbench.runtime.run;

import io.llmbench.runtime.spec.SloThreshold;
import java.util.Locale;

/**
 * Whether one run met one {@code @Slo}.
 *
 * @param slo the objective
 * @param measured the measured value of its statistic, or {@code NaN} when the run has none (then it is missed)
 * @param unit the metric's display unit
 * @param met whether the objective was met
 */
public record SloVerdict(SloThreshold slo, double measured, String unit, boolean met) {

    /**
     * One line naming the metric, the statistic, the threshold and the measured value, e.g.
     * {@code SLO missed: time_to_first_token p99 = 231.40 ms, threshold <= 200 ms}.
     */
    public String describe() {
        String bound = Double.isNaN(slo.max()) ? ">= " + number(slo.min()) : "<= " + number(slo.max());
        String statistic = slo.statistic().isEmpty() ? "" : " " + slo.statistic();
        String value = Double.isNaN(measured) ? "not measured" : number(measured) + unitSuffix();
        return "SLO " + (met ? "met" : "missed") + ": " + slo.metric() + statistic + " = " + value
                + ", threshold " + bound + unitSuffix();
    }

    private String unitSuffix() {
        return unit.isEmpty() ? "" : " " + unit;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
