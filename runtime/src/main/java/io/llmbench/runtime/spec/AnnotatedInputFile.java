package io.llmbench.runtime.spec;

import io.llmbench.annotations.LlmBenchmark;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes written on a class's {@code @InputFile} (and its superclasses'), with the
 * annotation's "unset" sentinels for the others.
 *
 * @param customDatasetType the file's format, or {@code ""} to detect it
 * @param islBlockSize tokens per hash id of a trace, or {@link LlmBenchmark#UNSET}
 */
public record AnnotatedInputFile(String customDatasetType, int islBlockSize) {

    /** Nothing written. */
    public static AnnotatedInputFile unset() {
        return new AnnotatedInputFile("", LlmBenchmark.UNSET);
    }

    /** The written attributes by name, each as Java source would write it. */
    Map<String, String> written() {
        Map<String, String> written = new LinkedHashMap<>();
        AnnotatedEndpoint.putString(written, "customDatasetType", customDatasetType);
        if (islBlockSize != LlmBenchmark.UNSET) {
            written.put("islBlockSize", Integer.toString(islBlockSize));
        }
        return written;
    }
}
