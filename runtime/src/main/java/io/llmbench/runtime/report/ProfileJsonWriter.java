package io.llmbench.runtime.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.llmbench.runtime.metrics.ErrorCount;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes {@code profile_export_llmbench.json}, laid out like AIPerf's
 * {@code profile_export_aiperf.json}: one top-level key per metric tag ({@code unit} and the
 * statistics; run-level metrics {@code unit} and {@code avg} only), then {@code input_config},
 * {@code was_cancelled}, {@code error_summary}, {@code start_time}, {@code end_time} and
 * {@code environment}, after the tool's name and version.
 */
public final class ProfileJsonWriter {

    /** The file's name in the run folder. */
    public static final String FILE_NAME = "profile_export_llmbench.json";

    /** The version of this file's layout. */
    public static final String SCHEMA_VERSION = "1.1";

    /** AIPerf writes Python's naive {@code datetime.isoformat()}: local time, microseconds, no offset. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ProfileJsonWriter() {
    }

    /** Writes (or replaces) {@code file}. */
    public static void write(Path file, RunSummary summary, RunExportInfo info) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            ToolInfo.startExport(json, info.toolVersion(), SCHEMA_VERSION);
            for (Map.Entry<MetricTag, Statistics> entry : summary.statistics().entrySet()) {
                if (summary.applies(entry.getKey())) {
                    writeStatistics(json, entry.getKey(), entry.getValue());
                }
            }
            for (Map.Entry<MetricTag, Double> entry : summary.runLevel().entrySet()) {
                if (summary.applies(entry.getKey())) {
                    json.writeObjectFieldStart(entry.getKey().tag());
                    json.writeStringField("unit", entry.getKey().unit());
                    json.writeNumberField("avg", entry.getValue());
                    json.writeEndObject();
                }
            }
            json.writeFieldName("input_config");
            MAPPER.writeValue(json, info.inputConfig());
            json.writeBooleanField("was_cancelled", info.wasCancelled());
            if (info.runFailure() != null) {
                json.writeStringField("run_failure", info.runFailure());
            }
            if (info.accounting() != null) {
                RequestAccounting accounting = info.accounting();
                json.writeObjectFieldStart("request_accounting");
                json.writeNumberField("sent", accounting.sent());
                json.writeNumberField("succeeded", accounting.succeeded());
                json.writeNumberField("failed", accounting.failed());
                json.writeNumberField("cancelled", accounting.cancelled());
                json.writeBooleanField("balanced", accounting.balanced());
                json.writeEndObject();
            }
            json.writeArrayFieldStart("error_summary");
            for (ErrorCount error : summary.errors()) {
                json.writeStartObject();
                json.writeObjectFieldStart("error_details");
                if (error.code() == 0) {
                    json.writeNullField("code");
                } else {
                    json.writeNumberField("code", error.code());
                }
                json.writeStringField("type", error.type().exportName());
                json.writeStringField("message", error.message());
                json.writeEndObject();
                json.writeNumberField("count", error.count());
                json.writeEndObject();
            }
            json.writeEndArray();
            writeTime(json, "start_time", info.startTime());
            writeTime(json, "end_time", info.endTime());
            json.writeFieldName("environment");
            MAPPER.writeValue(json, info.environment());
            json.writeEndObject();
        }
    }

    private static void writeStatistics(JsonGenerator json, MetricTag tag, Statistics s) throws IOException {
        json.writeObjectFieldStart(tag.tag());
        json.writeStringField("unit", tag.unit());
        json.writeNumberField("avg", s.avg());
        json.writeNumberField("min", s.min());
        json.writeNumberField("max", s.max());
        json.writeNumberField("p1", s.p1());
        json.writeNumberField("p5", s.p5());
        json.writeNumberField("p10", s.p10());
        json.writeNumberField("p25", s.p25());
        json.writeNumberField("p50", s.p50());
        json.writeNumberField("p75", s.p75());
        json.writeNumberField("p90", s.p90());
        json.writeNumberField("p95", s.p95());
        json.writeNumberField("p99", s.p99());
        json.writeNumberField("std", s.std());
        json.writeEndObject();
    }

    private static void writeTime(JsonGenerator json, String field, Instant time) throws IOException {
        if (time == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, TIME.format(LocalDateTime.ofInstant(time, ZoneId.systemDefault())));
        }
    }
}
