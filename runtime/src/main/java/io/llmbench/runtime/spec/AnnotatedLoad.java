package io.llmbench.runtime.spec;

import io.llmbench.annotations.ArrivalPattern;
import io.llmbench.annotations.LlmBenchmark;

/**
 * The attributes written on a class's {@code @Load} (and its superclasses'), with the annotation's
 * "unset" sentinels for the others: an empty array, {@code NaN}, {@link LlmBenchmark#UNSET},
 * {@link ArrivalPattern#UNSET}. Seconds and percentages are as written.
 */
public record AnnotatedLoad(
        double[] requestRate,
        ArrivalPattern arrivalPattern,
        double arrivalSmoothness,
        double benchmarkDuration,
        double benchmarkGracePeriod,
        double requestCancellationRate,
        double requestCancellationDelay,
        double concurrencyRampDuration,
        double requestRateRampDuration,
        int prefillConcurrency,
        int numProfileRuns,
        boolean[] fixedSchedule) {

    public AnnotatedLoad {
        requestRate = requestRate.clone();
        fixedSchedule = fixedSchedule.clone();
    }

    @Override
    public boolean[] fixedSchedule() {
        return fixedSchedule.clone();
    }

    /** Nothing written. */
    public static AnnotatedLoad unset() {
        return new AnnotatedLoad(new double[0], ArrivalPattern.UNSET, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, LlmBenchmark.UNSET, LlmBenchmark.UNSET,
                new boolean[0]);
    }

    @Override
    public double[] requestRate() {
        return requestRate.clone();
    }

    /** The written attributes by name, each as Java source would write it, in declaration order. */
    java.util.Map<String, String> written() {
        java.util.Map<String, String> written = new java.util.LinkedHashMap<>();
        if (requestRate.length > 0) {
            String list = java.util.Arrays.toString(requestRate);
            list = list.substring(1, list.length() - 1);
            written.put("requestRate", requestRate.length == 1 ? list : "{" + list + "}");
        }
        if (arrivalPattern != ArrivalPattern.UNSET) {
            written.put("arrivalPattern", arrivalPattern.name());
        }
        putSeconds(written, "arrivalSmoothness", arrivalSmoothness);
        putSeconds(written, "benchmarkDuration", benchmarkDuration);
        putSeconds(written, "benchmarkGracePeriod", benchmarkGracePeriod);
        putSeconds(written, "requestCancellationRate", requestCancellationRate);
        putSeconds(written, "requestCancellationDelay", requestCancellationDelay);
        putSeconds(written, "concurrencyRampDuration", concurrencyRampDuration);
        putSeconds(written, "requestRateRampDuration", requestRateRampDuration);
        if (prefillConcurrency != LlmBenchmark.UNSET) {
            written.put("prefillConcurrency", Integer.toString(prefillConcurrency));
        }
        if (numProfileRuns != LlmBenchmark.UNSET) {
            written.put("numProfileRuns", Integer.toString(numProfileRuns));
        }
        if (fixedSchedule.length > 0) {
            written.put("fixedSchedule", Boolean.toString(fixedSchedule[0]));
        }
        return written;
    }

    private static void putSeconds(java.util.Map<String, String> written, String name, double value) {
        if (!Double.isNaN(value)) {
            written.put(name, Double.toString(value));
        }
    }
}
