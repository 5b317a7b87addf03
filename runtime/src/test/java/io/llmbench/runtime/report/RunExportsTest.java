package io.llmbench.runtime.report;

import static io.llmbench.runtime.metrics.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.MetricKind;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RequestValues;
import io.llmbench.runtime.metrics.RunMetrics;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.metrics.TestRecords;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.metrics.WhitespaceTokenizer;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.TimeBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExportsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> STAT_KEYS = List.of("unit", "avg", "min", "max", "p1", "p5", "p10", "p25",
            "p50", "p75", "p90", "p95", "p99", "std");
    private static final TimeBase TIME_BASE = new TimeBase(1_700_000_000_000_000_000L, TestRecords.ORIGIN_NS);

    @TempDir
    Path dir;

    private final List<RequestRecord> records = new ArrayList<>();
    private RunSummary summary;
    private Path runDir;

    /** A streaming vision run: warmup, valid requests of varied shapes, failures and a cancellation. */
    @BeforeEach
    void runAndExport() throws IOException {
        records.add(request().warmup().content(900, "warm up").endAt(900).build());
        for (int i = 0; i < 41; i++) {
            double start = i * 7.0;
            double first = start + 10 + (i * 37 % 23) + 0.001 * i;
            TestRecords r = request().conversation("conv-" + i).startAt(start).queuedAt(start - 0.5)
                    .scheduledAt(start - 0.25 * (i % 3))
                    .reasoning(first, "thinking hard")
                    .content(first + 3 + i % 5, "word ".repeat(1 + i % 4))
                    .content(first + 20 + (i * 13 % 17), "more words here")
                    .usageOnly(first + 40)
                    .usage(3, 8 + i % 3, -1)
                    .images(i % 4 == 0 ? 2 : 0);
            records.add(r.endAt(first + 20 + (i * 13 % 17)).build());
        }
        records.add(request().content(5, "partial").endAt(30).failed(ErrorType.STREAM, 0, "connection reset").build());
        records.add(request().failed(ErrorType.HTTP, 429, "Too Many Requests").build());
        records.add(request().content(4, "cut").endAt(8).cancelled().build());

        RunMetrics run = new RunMetrics(new RequestMetrics(new WhitespaceTokenizer(), true, TokenCountSource.CLIENT),
                GoodputSlos.parse("time_to_first_token:30 output_token_throughput_per_user:5"));
        runDir = dir.resolve("artifacts").resolve("run-1");
        try (RunExports exports = RunExports.open(runDir, TIME_BASE)) {
            for (RequestRecord record : records) {
                RequestValues values = run.accept(record);
                exports.append(record, values);
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "m");
            exports.writeInputs(List.of(new InputPayload("conv-0", body),
                    InputPayload.ofBytes("conv-0", "{\"model\":\"m\",\"turn\":1}".getBytes(StandardCharsets.UTF_8)),
                    new InputPayload("conv-1", body)));
            summary = run.summarize();
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("model", "m");
            config.put("api_key", "<redacted>");
            config.put("concurrency", 4);
            exports.finish(summary, config, false);
        }
    }

    private List<JsonNode> jsonl() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve(ProfileJsonlWriter.FILE_NAME))) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }

    @Test
    void everyJsonlFractionIsTheTextJacksonGivesItsDouble() throws IOException {
        // Latencies in whole nanoseconds are formatted without Jackson (MicroDecimal): same text.
        int fractions = 0;
        for (String line : Files.readAllLines(runDir.resolve(ProfileJsonlWriter.FILE_NAME))) {
            try (JsonParser parser = MAPPER.createParser(line)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                        assertEquals(NumberOutput.toString(parser.getDoubleValue(), true), parser.getText(), line);
                        fractions++;
                    }
                }
            }
        }
        assertTrue(fractions > 300, "fractions checked: " + fractions);
    }

    @Test
    void jsonStatisticsRecomputeExactlyFromTheJsonlValuesOfValidProfilingRecords() throws IOException {
        JsonNode json = MAPPER.readTree(runDir.resolve(ProfileJsonWriter.FILE_NAME).toFile());
        Map<String, List<Double>> columns = new LinkedHashMap<>();
        for (JsonNode line : jsonl()) {
            if (!line.at("/metadata/benchmark_phase").asText().equals("profiling") || !line.get("error").isNull()) {
                continue;
            }
            line.get("metrics").fields().forEachRemaining(metric -> {
                if (!metric.getValue().get("value").isArray()) {
                    columns.computeIfAbsent(metric.getKey(), k -> new ArrayList<>())
                            .add(metric.getValue().get("value").doubleValue());
                }
            });
        }
        assertTrue(columns.containsKey("time_to_first_token") && columns.containsKey("image_latency")
                && columns.containsKey("schedule_lag"), columns.keySet().toString());
        for (Map.Entry<String, List<Double>> column : columns.entrySet()) {
            double[] values = column.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            Statistics expected = Statistics.of(values);
            JsonNode stats = json.get(column.getKey());
            String tag = column.getKey();
            assertEquals(expected.avg(), stats.get("avg").doubleValue(), tag);
            assertEquals(expected.min(), stats.get("min").doubleValue(), tag);
            assertEquals(expected.max(), stats.get("max").doubleValue(), tag);
            assertEquals(expected.p1(), stats.get("p1").doubleValue(), tag);
            assertEquals(expected.p5(), stats.get("p5").doubleValue(), tag);
            assertEquals(expected.p10(), stats.get("p10").doubleValue(), tag);
            assertEquals(expected.p25(), stats.get("p25").doubleValue(), tag);
            assertEquals(expected.p50(), stats.get("p50").doubleValue(), tag);
            assertEquals(expected.p75(), stats.get("p75").doubleValue(), tag);
            assertEquals(expected.p90(), stats.get("p90").doubleValue(), tag);
            assertEquals(expected.p95(), stats.get("p95").doubleValue(), tag);
            assertEquals(expected.p99(), stats.get("p99").doubleValue(), tag);
            assertEquals(expected.std(), stats.get("std").doubleValue(), tag);
        }
        // And nothing in the JSON that the JSONL cannot account for (inter-chunk latency is a histogram).
        for (MetricTag tag : MetricTag.perRequest()) {
            assertEquals(columns.containsKey(tag.tag()), json.has(tag.tag()), tag.tag());
        }
    }

    @Test
    void summaryJsonHasAiperfLayout() throws IOException {
        JsonNode json = MAPPER.readTree(runDir.resolve(ProfileJsonWriter.FILE_NAME).toFile());
        assertEquals("llmbench", json.get("tool").asText());
        assertTrue(json.get("llmbench_version").isTextual());
        assertEquals("<redacted>", json.at("/input_config/api_key").asText());
        assertEquals(4, json.at("/input_config/concurrency").asInt());
        assertFalse(json.get("was_cancelled").asBoolean());
        LocalDateTime start = LocalDateTime.parse(json.get("start_time").asText());
        LocalDateTime end = LocalDateTime.parse(json.get("end_time").asText());
        assertTrue(start.isBefore(end), start + " before " + end);

        for (MetricTag tag : List.of(MetricTag.TIME_TO_FIRST_TOKEN, MetricTag.REQUEST_LATENCY,
                MetricTag.INTER_CHUNK_LATENCY, MetricTag.IMAGE_THROUGHPUT)) {
            assertEquals(STAT_KEYS, fieldNames(json.get(tag.tag())), tag.tag());
            assertEquals(tag.unit(), json.get(tag.tag()).get("unit").asText());
        }
        for (MetricTag tag : List.of(MetricTag.BENCHMARK_DURATION, MetricTag.REQUEST_COUNT,
                MetricTag.ERROR_REQUEST_COUNT, MetricTag.CANCELLED_REQUEST_COUNT, MetricTag.OUTPUT_TOKEN_THROUGHPUT,
                MetricTag.TOTAL_TOKEN_THROUGHPUT, MetricTag.REQUEST_THROUGHPUT, MetricTag.GOODPUT)) {
            assertEquals(List.of("unit", "avg"), fieldNames(json.get(tag.tag())), tag.tag());
        }
        assertEquals(41.0, json.at("/request_count/avg").doubleValue());
        assertEquals(2.0, json.at("/error_request_count/avg").doubleValue());
        assertEquals(1.0, json.at("/cancelled_request_count/avg").doubleValue());

        JsonNode errors = json.get("error_summary");
        assertEquals(3, errors.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode error : errors) {
            assertEquals(List.of("error_details", "count"), fieldNames(error));
            assertEquals(List.of("code", "type", "message"), fieldNames(error.get("error_details")));
            seen.add(error.at("/error_details/type").asText() + "/" + error.at("/error_details/code").asText());
        }
        assertEquals(Set.of("stream/null", "http/429", "cancelled/null"), seen);
    }

    @Test
    void jsonlHasOneLinePerRecordInOrderWithMetadataOnTheRunsTimeBase() throws IOException {
        List<JsonNode> lines = jsonl();
        assertEquals(records.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            RequestRecord record = records.get(i);
            assertEquals(List.of("metadata", "metrics", "error"), fieldNames(line));
            JsonNode meta = line.get("metadata");
            assertEquals(List.of("x_request_id", "conversation_id", "turn_index", "benchmark_phase",
                    "scheduled_start_ns", "request_queued_ns", "request_start_ns", "request_ack_ns", "request_end_ns",
                    "was_cancelled"), fieldNames(meta));
            assertEquals(record.requestId(), meta.get("x_request_id").asText());
            assertEquals(record.phase().exportName(), meta.get("benchmark_phase").asText());
            assertEquals(TIME_BASE.toEpochNs(record.queuedNs()), meta.get("request_queued_ns").longValue());
            if (record.startNs() == RequestRecord.NOT_RECORDED) {
                assertTrue(meta.get("request_start_ns").isNull());
            } else {
                assertEquals(TIME_BASE.toEpochNs(record.startNs()), meta.get("request_start_ns").longValue());
            }
            assertEquals(record.wasCancelled(), meta.get("was_cancelled").asBoolean());
            line.get("metrics").fields().forEachRemaining(metric -> {
                assertEquals(List.of("value", "unit"), fieldNames(metric.getValue()));
                assertEquals(MetricTag.fromTag(metric.getKey()).orElseThrow().unit(),
                        metric.getValue().get("unit").asText());
            });
            if (record.error() == null) {
                assertTrue(line.get("error").isNull());
            } else {
                assertEquals(List.of("type", "code", "message"), fieldNames(line.get("error")));
                assertEquals(record.error().type().exportName(), line.at("/error/type").asText());
            }
        }
        assertEquals("warmup", lines.get(0).at("/metadata/benchmark_phase").asText());
        assertEquals(429, lines.get(lines.size() - 2).at("/error/code").asInt());
        assertTrue(lines.get(lines.size() - 3).at("/metrics/time_to_first_token/value").isNumber(),
                "the failed request keeps its TTFT in its own record");
        assertTrue(lines.get(1).at("/metrics/inter_chunk_latency/value").isArray());
        assertEquals(3, lines.get(1).at("/metrics/input_sequence_length/value").asInt());
    }

    @Test
    void csvHasAStatisticsBlockThenARunLevelBlock() throws IOException {
        List<String> lines = Files.readAllLines(runDir.resolve(ProfileCsvWriter.FILE_NAME));
        assertEquals(ProfileCsvWriter.STATISTICS_HEADER, lines.get(0));
        int blank = lines.indexOf("");
        assertTrue(blank > 1, lines.toString());
        assertEquals(ProfileCsvWriter.RUN_LEVEL_HEADER, lines.get(blank + 1));
        for (String row : lines.subList(1, blank)) {
            assertEquals(14, row.split(",", -1).length, row);
        }
        assertTrue(lines.contains("Request Count (requests),41.00"), lines.toString());
        String ttft = lines.stream().filter(l -> l.startsWith("Time to First Token (ms),")).findFirst().orElseThrow();
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f",
                summary.statistics(MetricTag.TIME_TO_FIRST_TOKEN).orElseThrow().avg()), ttft.split(",")[1]);
        for (String row : lines.subList(blank + 2, lines.size())) {
            String label = row.substring(0, row.lastIndexOf(','));
            assertTrue(MetricTag.runLevel().stream().anyMatch(t -> t.label().equals(label)), label);
            Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
        }
        assertTrue(MetricTag.runLevel().stream().allMatch(t -> t.kind() == MetricKind.RUN_LEVEL));
    }

    @Test
    void inputsJsonGroupsPayloadsBySession() throws IOException {
        JsonNode inputs = MAPPER.readTree(runDir.resolve(InputsJsonWriter.FILE_NAME).toFile());
        assertEquals(List.of("data"), fieldNames(inputs));
        JsonNode data = inputs.get("data");
        assertEquals(2, data.size());
        assertEquals("conv-0", data.at("/0/session_id").asText());
        assertEquals(2, data.at("/0/payloads").size());
        assertEquals(1, data.at("/0/payloads/1/turn").asInt());
        assertEquals("conv-1", data.at("/1/session_id").asText());
        assertEquals("m", data.at("/1/payloads/0/model").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
