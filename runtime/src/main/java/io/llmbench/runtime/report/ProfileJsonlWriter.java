package io.llmbench.runtime.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RequestValues;
import io.llmbench.runtime.record.RequestError;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.TimeBase;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Streams {@code profile_export.jsonl}: one JSON object per request, in the order records are
 * written (completion order), appended as they come and never kept. Shape, as AIPerf's per-record
 * export: {@code {"metadata": {...}, "metrics": {tag: {"value", "unit"}}, "error": null | {...}}},
 * instants as wall-clock epoch nanoseconds through the run's {@link TimeBase}. Confined to one thread.
 */
public final class ProfileJsonlWriter implements Closeable {

    /** The file's name in the run folder. */
    public static final String FILE_NAME = "profile_export.jsonl";

    /** Flush every this many records, so that a crashed run leaves most of its records on disk. */
    private static final int FLUSH_EVERY = 64;

    // An ObjectMapper's factory, so that the raw level can write request bodies as trees. The fast
    // (Schubfach) double writer gives the shortest repr, as Python's does; the JDK 17 Double.toString
    // was a fifth of the export's cost with every inter-chunk latency written, and C2 recompiled it
    // again and again for the value ranges it met.
    private static final JsonFactory FACTORY = new ObjectMapper(JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build()).getFactory();
    private static final List<MetricTag> PER_REQUEST = MetricTag.perRequest();

    private final TimeBase timeBase;
    private final JsonGenerator json;
    private final MicroDecimal decimal = new MicroDecimal();
    private long written;

    /** Creates (or truncates) {@code file}. */
    public ProfileJsonlWriter(Path file, TimeBase timeBase) throws IOException {
        this.timeBase = Objects.requireNonNull(timeBase, "timeBase");
        this.json = FACTORY.createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        // No separator between root values: each line ends with the newline written below.
        json.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    /** Appends one line for {@code record} with its {@code values}. */
    public void write(RequestRecord record, RequestValues values) throws IOException {
        write(record, values, null);
    }

    /**
     * Appends one line for {@code record} with its {@code values} and, when {@code requestBody} is
     * not {@code null}, a {@code raw} object: the body sent, the HTTP status and every response
     * event received (instant, content and reasoning deltas) for {@code --export-level raw}.
     */
    public void write(RequestRecord record, RequestValues values, JsonNode requestBody) throws IOException {
        json.writeStartObject();
        writeMetadata(record);
        writeMetrics(values);
        RequestError error = record.error();
        if (error == null) {
            json.writeNullField("error");
        } else {
            json.writeObjectFieldStart("error");
            json.writeStringField("type", error.type().exportName());
            if (error.code() == 0) {
                json.writeNullField("code");
            } else {
                json.writeNumberField("code", error.code());
            }
            json.writeStringField("message", error.message());
            json.writeEndObject();
        }
        if (requestBody != null) {
            writeRaw(record, requestBody);
        }
        json.writeEndObject();
        json.writeRaw('\n');
        if (++written % FLUSH_EVERY == 0) {
            json.flush();
        }
    }

    private void writeMetadata(RequestRecord record) throws IOException {
        json.writeObjectFieldStart("metadata");
        json.writeStringField("x_request_id", record.requestId());
        json.writeStringField("conversation_id", record.conversationId());
        json.writeNumberField("turn_index", record.turnIndex());
        json.writeStringField("benchmark_phase", record.phase().exportName());
        writeInstant("scheduled_start_ns", record.scheduledStartNs());
        writeInstant("request_queued_ns", record.queuedNs());
        writeInstant("request_start_ns", record.startNs());
        writeInstant("request_ack_ns", record.ackNs());
        writeInstant("request_end_ns", record.endNs());
        json.writeBooleanField("was_cancelled", record.wasCancelled());
        json.writeEndObject();
    }

    private void writeRaw(RequestRecord record, JsonNode requestBody) throws IOException {
        json.writeObjectFieldStart("raw");
        json.writeFieldName("request");
        json.writeTree(requestBody);
        if (record.httpStatus() == 0) {
            json.writeNullField("http_status");
        } else {
            json.writeNumberField("http_status", record.httpStatus());
        }
        json.writeArrayFieldStart("response");
        for (ResponseChunk chunk : record.chunks()) {
            json.writeStartObject();
            json.writeNumberField("received_ns", timeBase.toEpochNs(chunk.receivedNs()));
            json.writeStringField("content", chunk.content());
            if (!chunk.reasoning().isEmpty()) {
                json.writeStringField("reasoning", chunk.reasoning());
            }
            if (chunk.usageOnly()) {
                json.writeBooleanField("usage_only", true);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeInstant(String field, long monotonicNs) throws IOException {
        if (monotonicNs == RequestRecord.NOT_RECORDED) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, timeBase.toEpochNs(monotonicNs));
        }
    }

    private void writeMetrics(RequestValues values) throws IOException {
        json.writeObjectFieldStart("metrics");
        for (MetricTag tag : PER_REQUEST) {
            if (!values.has(tag)) {
                continue;
            }
            json.writeObjectFieldStart(tag.tag());
            double value = values.get(tag);
            // Token counts are whole numbers: write them as integers, as AIPerf does.
            if (tag.unit().equals("tokens") && value == Math.rint(value) && Math.abs(value) < 1e15) {
                json.writeNumberField("value", (long) value);
            } else {
                json.writeFieldName("value");
                writeDouble(value);
            }
            json.writeStringField("unit", tag.unit());
            json.writeEndObject();
        }
        if (values.interChunkCount() > 0) {
            json.writeObjectFieldStart(MetricTag.INTER_CHUNK_LATENCY.tag());
            json.writeArrayFieldStart("value");
            for (int i = 0; i < values.interChunkCount(); i++) {
                writeDouble(values.interChunkLatencyMs(i));
            }
            json.writeEndArray();
            json.writeStringField("unit", MetricTag.INTER_CHUNK_LATENCY.unit());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** {@code value} as Jackson writes it; latencies in whole nanoseconds without Jackson's per-number objects. */
    private void writeDouble(double value) throws IOException {
        int length = decimal.format(value);
        if (length < 0) {
            json.writeNumber(value);
        } else {
            json.writeNumber(decimal.chars(), 0, length);
        }
    }

    /** Records written so far. */
    public long recordsWritten() {
        return written;
    }

    /** Writes buffered lines to the file. */
    public void flush() throws IOException {
        json.flush();
    }

    /** Flushes and closes the file; further calls do nothing. */
    @Override
    public void close() throws IOException {
        if (!json.isClosed()) {
            json.close();
        }
    }
}
