package io.llmbench.runtime.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.llmbench.runtime.metrics.Accuracy;
import io.llmbench.runtime.metrics.MetricKind;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.report.LatencyIntervalLog;
import io.llmbench.runtime.report.ProfileCsvWriter;
import io.llmbench.runtime.report.ProfileJsonWriter;
import io.llmbench.runtime.report.ProfileJsonlWriter;
import io.llmbench.runtime.report.ResponseCheckWriter;
import io.llmbench.runtime.report.TimesliceWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real exports of a run against the mock server, checked against the schemas in docs/schemas and HdrHistogram's reader. */
class ExportSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");

    @TempDir
    static Path artifacts;
    static Path run;
    /** An open-loop vision run with SLOs, failures and cancellations: every metric the mock can produce. */
    static Path everyMetricRun;

    @BeforeAll
    static void runOnce() throws IOException {
        run = MockRuns.run(artifacts.resolve("closed"), 5, 24, "--export-level", "raw", "--slice-duration", "0.05",
                "--warmup-request-count", "2");
        everyMetricRun = MockRuns.run(artifacts.resolve("open"), 5, 30, "--request-rate", "200",
                "--public-dataset", "synthetic-vision", "--image-width-mean", "32", "--image-height-mean", "32",
                "--goodput", "time_to_first_token:1000", "--mock-error-rate", "0.15",
                "--request-cancellation-rate", "20", "--request-cancellation-delay", "0.003",
                "--export-level", "raw", "--slice-duration", "0.05");
    }

    private static JsonSchema schema(String name) throws IOException {
        Path file = SCHEMAS.resolve(name);
        assertTrue(Files.isRegularFile(file), "schema missing: " + file.toAbsolutePath());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void assertValid(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        assertTrue(errors.isEmpty(), what + " does not match its schema: " + errors);
    }

    @Test
    void summaryMatchesItsSchemaAndCarriesEnvironmentAndVersion() throws IOException {
        JsonNode summary = MAPPER.readTree(run.resolve(ProfileJsonWriter.FILE_NAME).toFile());
        assertValid(schema("profile_export_llmbench.schema.json"), summary, ProfileJsonWriter.FILE_NAME);
        JsonNode env = summary.path("environment");
        assertEquals(System.getProperty("java.version"), env.path("java_version").asText());
        assertEquals(Runtime.getRuntime().availableProcessors(), env.path("available_processors").asInt());
        for (String tag : List.of("time_to_first_token", "inter_token_latency", "request_latency",
                "inter_chunk_latency", "output_token_throughput", "request_throughput", "benchmark_duration")) {
            assertTrue(summary.has(tag), "summary lacks " + tag);
        }
        assertEquals(24, summary.path("request_count").path("avg").asInt());
        assertFalse(summary.path("start_time").isNull(), "start_time missing");
        // The build writes the runtime's version; "dev" would mean exports cannot say which llmbench made them.
        assertTrue(summary.path("llmbench_version").asText().matches("\\d+\\.\\d+\\.\\d+.*"),
                "llmbench_version: " + summary.path("llmbench_version"));
    }

    @Test
    void everyRecordMatchesTheLineSchemaAndRawLinesCarryBodies() throws IOException {
        JsonSchema schema = schema("profile_export.jsonl.schema.json");
        List<String> lines = Files.readAllLines(run.resolve(ProfileJsonlWriter.FILE_NAME), StandardCharsets.UTF_8);
        assertEquals(26, lines.size(), "2 warmup + 24 profiling records");
        for (String line : lines) {
            JsonNode record = MAPPER.readTree(line);
            assertValid(schema, record, "line " + line);
            JsonNode raw = record.path("raw");
            assertTrue(raw.path("request").path("messages").isArray(), "raw request body missing: " + line);
            assertEquals(200, raw.path("http_status").asInt());
            assertTrue(raw.path("response").size() >= 8, "raw response events missing: " + line);
        }
    }

    @Test
    void inputsAndTimeslicesMatchTheirSchemas() throws IOException {
        assertValid(schema("inputs.schema.json"), MAPPER.readTree(run.resolve("inputs.json").toFile()), "inputs.json");
        JsonNode slices = MAPPER.readTree(run.resolve(TimesliceWriter.JSON_FILE_NAME).toFile());
        assertValid(schema("profile_export_llmbench_timeslices.schema.json"), slices, TimesliceWriter.JSON_FILE_NAME);
        long total = 0;
        for (JsonNode slice : slices.path("timeslices")) {
            total += slice.path("request_count").path("avg").asLong();
        }
        assertEquals(24, total, "every profiling request falls in exactly one timeslice");
        List<String> csv = Files.readAllLines(run.resolve(TimesliceWriter.CSV_FILE_NAME));
        assertEquals("Timeslice,Start (sec),End (sec),Metric,Unit,Stat,Value", csv.get(0));
    }

    @Test
    void latencyLogIsReadByHdrHistogramsOwnReaderAndCountsEveryRequest() throws IOException {
        Path log = run.resolve(LatencyIntervalLog.FILE_NAME);
        Map<String, Long> counts = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            assertNotNull(h.getTag(), "every interval histogram is tagged with its metric");
            counts.merge(h.getTag(), ((Histogram) h).getTotalCount(), Long::sum);
        }
        assertEquals(24L, counts.get("request_latency"));
        assertEquals(24L, counts.get("time_to_first_token"));
        assertEquals(24L * 7, counts.get("inter_chunk_latency"), "7 gaps between 8 tokens per request");
    }

    @Test
    void latencyLogIsSummarizedByHdrHistogramsLogProcessor(@TempDir Path dir) throws Exception {
        Path log = run.resolve(LatencyIntervalLog.FILE_NAME);
        Path output = dir.resolve("request_latency");
        // HdrHistogram's command-line tool, run as its main() would; it writes <output> and <output>.hgrm.
        new HistogramLogProcessor(new String[] {"-i", log.toString(), "-tag", "request_latency", "-csv",
            "-o", output.toString()}).run();
        List<String> overall = Files.readAllLines(Path.of(output + ".hgrm"));
        String last = overall.get(overall.size() - 1);
        assertTrue(overall.stream().anyMatch(l -> l.startsWith("\"Value\",\"Percentile\",\"TotalCount\"")),
                "no percentile table: " + overall);
        assertEquals("24", overall.stream().filter(l -> !l.startsWith("#") && !l.startsWith("\"")).reduce((x, y) -> y)
                .orElseThrow().split(",")[2], "the last percentile row counts every request: " + last);
    }

    @Test
    void everyMetricOfAnOpenLoopVisionRunWithSlosIsInTheJsonAndCsvAndMatchesTheSchemas() throws IOException {
        JsonNode summary = MAPPER.readTree(everyMetricRun.resolve(ProfileJsonWriter.FILE_NAME).toFile());
        assertValid(schema("profile_export_llmbench.schema.json"), summary, "open-loop " + ProfileJsonWriter.FILE_NAME);
        String csv = Files.readString(everyMetricRun.resolve(ProfileCsvWriter.FILE_NAME), StandardCharsets.UTF_8);
        for (MetricTag tag : MetricTag.values()) {
            if (tag == MetricTag.USAGE_REASONING_TOKENS || tag == MetricTag.REASONING_TOKEN_COUNT) {
                continue; // the mock server streams no reasoning, so no run against it has these metrics
            }
            assertTrue(summary.has(tag.tag()), "summary lacks " + tag.tag());
            assertTrue(csv.contains("\n" + tag.label() + ","), "CSV lacks the row " + tag.label());
        }
        assertTrue(summary.path("error_summary").size() >= 1, "the injected errors are summarized");
        assertTrue(summary.path("cancelled_request_count").path("avg").asInt() > 0, "cancellations counted");
        JsonSchema line = schema("profile_export.jsonl.schema.json");
        for (String text : Files.readAllLines(everyMetricRun.resolve(ProfileJsonlWriter.FILE_NAME))) {
            assertValid(line, MAPPER.readTree(text), "open-loop line " + text);
        }
        assertValid(schema("profile_export_llmbench_timeslices.schema.json"),
                MAPPER.readTree(everyMetricRun.resolve(TimesliceWriter.JSON_FILE_NAME).toFile()), "open-loop slices");
        assertValid(schema("inputs.schema.json"), MAPPER.readTree(everyMetricRun.resolve("inputs.json").toFile()),
                "open-loop inputs.json");
    }

    @Test
    void theSchemasDeclareEveryMetricTag() throws IOException {
        JsonNode summary = MAPPER.readTree(SCHEMAS.resolve("profile_export_llmbench.schema.json").toFile());
        JsonNode line = MAPPER.readTree(SCHEMAS.resolve("profile_export.jsonl.schema.json").toFile());
        for (MetricTag tag : MetricTag.values()) {
            assertTrue(summary.path("properties").has(tag.tag()), "summary schema lacks " + tag.tag());
            if (tag.kind() != MetricKind.RUN_LEVEL) {
                assertTrue(line.path("properties").path("metrics").path("properties").has(tag.tag()),
                        "record schema lacks " + tag.tag());
            }
        }
    }

    @Test
    void theSchemasRejectAnExportWithAMissingOrUnknownField() throws IOException {
        JsonSchema schema = schema("profile_export_llmbench.schema.json");
        ObjectNode summary = (ObjectNode) MAPPER.readTree(run.resolve(ProfileJsonWriter.FILE_NAME).toFile());
        ObjectNode withoutEnvironment = summary.deepCopy();
        withoutEnvironment.remove("environment");
        assertFalse(schema.validate(withoutEnvironment).isEmpty(), "a summary without its environment passed");
        ObjectNode withUnknownMetric = summary.deepCopy();
        withUnknownMetric.set("made_up_latency", summary.get("request_latency"));
        assertFalse(schema.validate(withUnknownMetric).isEmpty(), "an undeclared metric passed");
        ObjectNode badStatistics = summary.deepCopy();
        ((ObjectNode) badStatistics.get("time_to_first_token")).remove("p99");
        assertFalse(schema.validate(badStatistics).isEmpty(), "statistics without p99 passed");
        ObjectNode record = (ObjectNode) MAPPER.readTree(
                Files.readAllLines(run.resolve(ProfileJsonlWriter.FILE_NAME)).get(0));
        ((ObjectNode) record.get("metadata")).put("benchmark_phase", "cooldown");
        assertFalse(schema("profile_export.jsonl.schema.json").validate(record).isEmpty(), "an unknown phase passed");
    }

    @Test
    void responseCheckFilesMatchTheirSchema(@TempDir Path dir) throws IOException {
        JsonSchema schema = schema("response_check.schema.json");
        ResponseCheckWriter.write(dir, new Accuracy(4, 3));
        assertValid(schema, MAPPER.readTree(dir.resolve(ResponseCheckWriter.FILE_NAME).toFile()), "response_check");
        ResponseCheckWriter.write(dir, new Accuracy(0, 0));
        JsonNode none = MAPPER.readTree(dir.resolve(ResponseCheckWriter.FILE_NAME).toFile());
        assertValid(schema, none, "response_check of nothing checked");
        assertTrue(none.path("accuracy").isNull());
        ((ObjectNode) none).put("accuracy", 1.5);
        assertFalse(schema.validate(none).isEmpty(), "an accuracy above 1 passed");
    }

    @Test
    void summaryLevelWritesNoRecordsFile(@TempDir Path dir) throws IOException {
        Path summaryRun = MockRuns.run(dir, 5, 8, "--export-level", "summary");
        assertFalse(Files.exists(summaryRun.resolve(ProfileJsonlWriter.FILE_NAME)));
        assertTrue(Files.exists(summaryRun.resolve(ProfileJsonWriter.FILE_NAME)));
        assertFalse(Files.exists(summaryRun.resolve(TimesliceWriter.JSON_FILE_NAME)), "no slices unless asked");
    }

    @Test
    void badExportLevelIsOneUsageLine() {
        MockRuns.Result result = MockRuns.main("profile", "--mock", "--export-level", "everything");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--export-level 'everything' is not a level: use one of summary, records, raw"),
                result.err());
    }
}
