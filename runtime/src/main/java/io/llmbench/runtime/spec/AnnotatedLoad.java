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
        boolean[] fixedSchedule,
        double warmupDuration,
        int warmupConcurrency,
        double warmupRequestRate,
        ArrivalPattern warmupArrivalPattern,
        double warmupGracePeriod,
        boolean[] fixedScheduleAutoOffset,
        int fixedScheduleStartOffset,
        int fixedScheduleEndOffset,
        int conversationNum,
        double userCentricRate,
        int numUsers,
        double prefillConcurrencyRampDuration,
        int warmupNumSessions,
        int warmupPrefillConcurrency,
        double warmupConcurrencyRampDuration,
        double warmupRequestRateRampDuration,
        double warmupPrefillConcurrencyRampDuration,
        AnnotatedProfileRuns profileRuns) {

    public AnnotatedLoad {
        profileRuns = profileRuns == null ? AnnotatedProfileRuns.unset() : profileRuns;
        requestRate = requestRate.clone();
        fixedSchedule = fixedSchedule.clone();
        fixedScheduleAutoOffset = fixedScheduleAutoOffset.clone();
    }

    @Override
    public boolean[] fixedScheduleAutoOffset() {
        return fixedScheduleAutoOffset.clone();
    }

    @Override
    public boolean[] fixedSchedule() {
        return fixedSchedule.clone();
    }

    /** Nothing written. */
    public static AnnotatedLoad unset() {
        return new AnnotatedLoad(new double[0], ArrivalPattern.UNSET, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, LlmBenchmark.UNSET, LlmBenchmark.UNSET,
                new boolean[0], Double.NaN, LlmBenchmark.UNSET, Double.NaN, ArrivalPattern.UNSET, Double.NaN,
                new boolean[0], LlmBenchmark.UNSET, LlmBenchmark.UNSET, LlmBenchmark.UNSET, Double.NaN,
                LlmBenchmark.UNSET, Double.NaN, LlmBenchmark.UNSET, LlmBenchmark.UNSET, Double.NaN, Double.NaN,
                Double.NaN, AnnotatedProfileRuns.unset());
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
        putWhole(written, "prefillConcurrency", prefillConcurrency);
        putWhole(written, "numProfileRuns", numProfileRuns);
        if (fixedSchedule.length > 0) {
            written.put("fixedSchedule", Boolean.toString(fixedSchedule[0]));
        }
        if (fixedScheduleAutoOffset.length > 0) {
            written.put("fixedScheduleAutoOffset", Boolean.toString(fixedScheduleAutoOffset[0]));
        }
        putWhole(written, "fixedScheduleStartOffset", fixedScheduleStartOffset);
        putWhole(written, "fixedScheduleEndOffset", fixedScheduleEndOffset);
        putWhole(written, "conversationNum", conversationNum);
        putSeconds(written, "userCentricRate", userCentricRate);
        putWhole(written, "numUsers", numUsers);
        putSeconds(written, "prefillConcurrencyRampDuration", prefillConcurrencyRampDuration);
        profileRuns.addWritten(written);
        // Named as written on @Warmup, prefixed so they differ from @Load's.
        putSeconds(written, "warmupDuration", warmupDuration);
        putWhole(written, "warmupConcurrency", warmupConcurrency);
        putSeconds(written, "warmupRequestRate", warmupRequestRate);
        if (warmupArrivalPattern != ArrivalPattern.UNSET) {
            written.put("warmupArrivalPattern", warmupArrivalPattern.name());
        }
        putSeconds(written, "warmupGracePeriod", warmupGracePeriod);
        putWhole(written, "warmupNumSessions", warmupNumSessions);
        putWhole(written, "warmupPrefillConcurrency", warmupPrefillConcurrency);
        putSeconds(written, "warmupConcurrencyRampDuration", warmupConcurrencyRampDuration);
        putSeconds(written, "warmupRequestRateRampDuration", warmupRequestRateRampDuration);
        putSeconds(written, "warmupPrefillConcurrencyRampDuration", warmupPrefillConcurrencyRampDuration);
        return written;
    }

    private static void putWhole(java.util.Map<String, String> written, String name, int value) {
        if (value != LlmBenchmark.UNSET) {
            written.put(name, Integer.toString(value));
        }
    }

    private static void putSeconds(java.util.Map<String, String> written, String name, double value) {
        if (!Double.isNaN(value)) {
            written.put(name, Double.toString(value));
        }
    }
}
