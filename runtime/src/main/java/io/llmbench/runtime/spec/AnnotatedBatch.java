package io.llmbench.runtime.spec;

import io.llmbench.annotations.LlmBenchmark;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes written on a class's {@code @Batch} and {@code @PublicDataset} (and its superclasses'),
 * with the annotations' "unset" sentinels for the others ({@link LlmBenchmark#UNSET}, {@code ""}, an
 * empty array).
 */
public record AnnotatedBatch(int promptBatchSize, int rankingsPassagesMean, int rankingsPassagesStddev,
        int rankingsPassageTokensMean, int rankingsPassageTokensStddev, int rankingsQueryTokensMean,
        int rankingsQueryTokensStddev, String samplingStrategy, boolean[] offline) {

    public AnnotatedBatch {
        offline = offline.clone();
    }

    @Override
    public boolean[] offline() {
        return offline.clone();
    }

    /** Nothing written. */
    public static AnnotatedBatch unset() {
        int u = LlmBenchmark.UNSET;
        return new AnnotatedBatch(u, u, u, u, u, u, u, "", new boolean[0]);
    }

    /** Whether any rankings attribute was written. */
    public boolean anyRankings() {
        int u = LlmBenchmark.UNSET;
        return rankingsPassagesMean != u || rankingsPassagesStddev != u || rankingsPassageTokensMean != u
                || rankingsPassageTokensStddev != u || rankingsQueryTokensMean != u || rankingsQueryTokensStddev != u;
    }

    /** The written attributes by name, each as Java source would write it. */
    Map<String, String> written() {
        Map<String, String> written = new LinkedHashMap<>();
        whole(written, "promptBatchSize", promptBatchSize);
        whole(written, "rankingsPassagesMean", rankingsPassagesMean);
        whole(written, "rankingsPassagesStddev", rankingsPassagesStddev);
        whole(written, "rankingsPassageTokensMean", rankingsPassageTokensMean);
        whole(written, "rankingsPassageTokensStddev", rankingsPassageTokensStddev);
        whole(written, "rankingsQueryTokensMean", rankingsQueryTokensMean);
        whole(written, "rankingsQueryTokensStddev", rankingsQueryTokensStddev);
        AnnotatedEndpoint.putString(written, "samplingStrategy", samplingStrategy);
        if (offline.length > 0) {
            written.put("offline", Boolean.toString(offline[0]));
        }
        return written;
    }

    private static void whole(Map<String, String> written, String name, int value) {
        if (value != LlmBenchmark.UNSET) {
            written.put(name, Integer.toString(value));
        }
    }
}
