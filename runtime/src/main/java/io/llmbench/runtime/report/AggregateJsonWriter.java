package io.llmbench.runtime.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.metrics.RunsInterval;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code profile_export_llmbench_aggregate.json}, laid out like AIPerf's
 * {@code profile_export_aiperf_aggregate.json}: the tool and versions, a {@code metadata} object
 * (aggregation type, runs, successful runs, failed runs, confidence level, run labels) and a
 * {@code metrics} object with, per {@code <tag>_<statistic>}, {@code mean}, {@code std}, {@code min},
 * {@code max}, {@code cv}, {@code se}, {@code ci_low}, {@code ci_high}, {@code t_critical} and
 * {@code unit}. A value that is not a finite number (the {@code t_critical} of a single run, an
 * infinite {@code cv}) is {@code null}, since JSON has no such numbers.
 */
public final class AggregateJsonWriter {

    /** The file's name in the aggregate folder. */
    public static final String FILE_NAME = "profile_export_llmbench_aggregate.json";

    /** The version of this file's layout. */
    public static final String SCHEMA_VERSION = "1.0";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AggregateJsonWriter() {
    }

    /** Writes (or replaces) {@code file}. */
    public static void write(Path file, RunsAggregate aggregate, String toolVersion) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            ToolInfo.startExport(json, toolVersion, SCHEMA_VERSION);
            json.writeObjectFieldStart("metadata");
            json.writeStringField("aggregation_type", "confidence");
            json.writeNumberField("num_profile_runs", aggregate.runs().size());
            json.writeNumberField("num_successful_runs", aggregate.successfulRuns());
            json.writeArrayFieldStart("failed_runs");
            for (RunsAggregate.Run run : aggregate.runs()) {
                if (run.failure() != null) {
                    json.writeStartObject();
                    json.writeStringField("label", run.label());
                    json.writeStringField("error", run.failure());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeNumberField("confidence_level", aggregate.confidenceLevel());
            json.writeArrayFieldStart("run_labels");
            for (RunsAggregate.Run run : aggregate.runs()) {
                if (run.failure() == null) {
                    json.writeString(run.label());
                }
            }
            json.writeEndArray();
            json.writeObjectFieldStart("run_directories");
            for (RunsAggregate.Run run : aggregate.runs()) {
                json.writeStringField(run.label(), run.directory());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("metrics");
            for (Map.Entry<String, RunsAggregate.Metric> entry : aggregate.metrics().entrySet()) {
                RunsInterval i = entry.getValue().interval();
                json.writeObjectFieldStart(entry.getKey());
                number(json, "mean", i.mean());
                number(json, "std", i.std());
                number(json, "min", i.min());
                number(json, "max", i.max());
                number(json, "cv", i.cv());
                number(json, "se", i.se());
                number(json, "ci_low", i.ciLow());
                number(json, "ci_high", i.ciHigh());
                number(json, "t_critical", i.tCritical());
                json.writeStringField("unit", entry.getValue().unit());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void number(JsonGenerator json, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(field, value);
        } else {
            json.writeNullField(field);
        }
    }
}
