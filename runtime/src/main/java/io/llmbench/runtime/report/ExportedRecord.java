package io.llmbench.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.metrics.MetricTag;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One line of a {@code profile_export.jsonl}, read back.
 *
 * @param line the whole line, as written
 * @param profiling whether it belongs to the profiling phase
 * @param valid whether it succeeded ({@code "error": null})
 * @param cancelled whether it was cancelled on purpose
 * @param startNs {@code request_start_ns} (epoch ns), or {@code Long.MIN_VALUE}
 * @param endNs {@code request_end_ns} (epoch ns), or {@code Long.MIN_VALUE}
 * @param values its per-request metric values, in display units
 * @param interChunkLatencies its inter-chunk gaps in ms (empty when none)
 */
public record ExportedRecord(JsonNode line, boolean profiling, boolean valid, boolean cancelled, long startNs,
        long endNs, Map<MetricTag, Double> values, double[] interChunkLatencies) {

    /** Marks an instant the record does not have. */
    public static final long ABSENT = Long.MIN_VALUE;

    /** Reads one parsed line. */
    public static ExportedRecord of(JsonNode line) {
        JsonNode metadata = line.path("metadata");
        EnumMap<MetricTag, Double> values = new EnumMap<>(MetricTag.class);
        double[] gaps = new double[0];
        var fields = line.path("metrics").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            MetricTag tag = MetricTag.fromTag(field.getKey()).orElse(null);
            JsonNode value = field.getValue().path("value");
            if (tag == MetricTag.INTER_CHUNK_LATENCY && value.isArray()) {
                gaps = new double[value.size()];
                for (int i = 0; i < gaps.length; i++) {
                    gaps[i] = value.get(i).asDouble();
                }
            } else if (tag != null && value.isNumber()) {
                values.put(tag, value.asDouble());
            }
        }
        return new ExportedRecord(line, "profiling".equals(metadata.path("benchmark_phase").asText()),
                line.path("error").isNull() || line.path("error").isMissingNode(),
                metadata.path("was_cancelled").asBoolean(false), instant(metadata, "request_start_ns"),
                instant(metadata, "request_end_ns"), Collections.unmodifiableMap(values), gaps);
    }

    private static long instant(JsonNode metadata, String field) {
        JsonNode value = metadata.path(field);
        return value.isNumber() ? value.asLong() : ABSENT;
    }

    /** The value of {@code tag}, or {@code NaN}. */
    public double value(MetricTag tag) {
        Double value = values.get(tag);
        return value == null ? Double.NaN : value;
    }
}
