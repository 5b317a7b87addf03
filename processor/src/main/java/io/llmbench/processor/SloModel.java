package io.llmbench.processor;

/**
 * A checked {@code @Slo}.
 *
 * @param metric the metric tag
 * @param statistic the statistic of a per-request metric ({@code avg} when not written), empty for a run-level one
 * @param max the upper bound, or {@code NaN}
 * @param min the lower bound, or {@code NaN}
 */
record SloModel(String metric, String statistic, double max, double min) {

    /** What a subclass's SLO replaces: the superclass's SLO on the same statistic in the same direction. */
    String key() {
        return metric + ":" + statistic + ":" + (Double.isNaN(max) ? "min" : "max");
    }
}
