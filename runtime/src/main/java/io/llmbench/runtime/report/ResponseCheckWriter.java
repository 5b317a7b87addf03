package io.llmbench.runtime.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.llmbench.runtime.metrics.Accuracy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@code response_check.json}: the accuracy of a benchmark's {@code @CheckResponse} method. */
public final class ResponseCheckWriter {

    /** The file's name in the run folder. */
    public static final String FILE_NAME = "response_check.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResponseCheckWriter() {
    }

    /** Writes {@code {"checked", "passed", "accuracy"}} ({@code accuracy} is null when nothing was checked). */
    public static void write(Path directory, Accuracy accuracy) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checked", accuracy.checked());
        json.put("passed", accuracy.passed());
        json.put("accuracy", accuracy.checked() == 0 ? null : accuracy.fraction());
        MAPPER.writeValue(directory.resolve(FILE_NAME).toFile(), json);
    }
}
