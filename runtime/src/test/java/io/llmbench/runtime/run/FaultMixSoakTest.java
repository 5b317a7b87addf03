package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak of every mock fault at once, at high concurrency, through the command line: the run
 * completes, every request sent is accounted for in the console and in the exports, failures are
 * classified, and what was measured before a fault stays in its record. Bounded: a thousand
 * requests of 8 tokens at concurrency 200, about 20 s on a busy 2-core machine. {@code -Dllmbench.soak.requests=N} runs a
 * longer soak.
 */
class FaultMixSoakTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(90)
    void everyRequestOfAFaultMixAtConcurrency200IsAccountedForAndTheExportsParse(@TempDir Path dir) throws Exception {
        int requests = Integer.getInteger("llmbench.soak.requests", 1_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader()).run(new String[] {
                    "profile", "--mock", "--streaming", "--concurrency", "200", "--request-count",
                    Integer.toString(requests), "--osl", "8", "--isl", "32", "--num-dataset-entries", "20",
                    "--mock-ttft-ms", "10", "--mock-itl-ms", "10", "--request-timeout-seconds", "5",
                    "--mock-fault-mix", "0.04", "--mock-stall-ms", "8000", "--mock-slow-headers-ms", "150",
                    "--mock-huge-event-bytes", "65536", "--artifact-dir", dir.toString()});
        double seconds = (System.nanoTime() - started) / 1e9;
        String console = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, exit, () -> console + err.toString(StandardCharsets.UTF_8));

        Path runDir;
        try (Stream<Path> files = Files.walk(dir)) {
            runDir = files.filter(p -> p.getFileName().toString().equals("profile_export_llmbench.json"))
                    .findFirst().orElseThrow().getParent();
        }
        JsonNode summary = JSON.readTree(runDir.resolve("profile_export_llmbench.json").toFile());
        JsonNode accounting = summary.get("request_accounting");
        long sent = accounting.get("sent").asLong();
        long succeeded = accounting.get("succeeded").asLong();
        long failed = accounting.get("failed").asLong();
        long cancelled = accounting.get("cancelled").asLong();
        assertEquals(requests, sent, "every request of the run was sent");
        assertEquals(sent, succeeded + failed + cancelled, "sent = succeeded + failed + cancelled");
        assertTrue(accounting.get("balanced").asBoolean());
        assertEquals(succeeded, summary.get("request_count").get("avg").asLong());
        assertEquals(failed, summary.get("error_request_count").get("avg").asLong());
        String identity = String.format(java.util.Locale.ROOT,
                "Requests: sent %,d = succeeded %,d + failed %,d + cancelled %,d", sent, succeeded, failed, cancelled);
        assertTrue(console.contains(identity), "the console prints the export's counts: " + identity + "\n" + console);
        assertFalse(summary.get("was_cancelled").asBoolean());

        List<String> lines = Files.readAllLines(runDir.resolve("profile_export.jsonl"));
        assertEquals(sent, lines.size(), "one record per request sent");
        Map<String, Integer> byType = new TreeMap<>();
        int failedWithTtft = 0;
        long failedRecords = 0;
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            JsonNode error = record.get("error");
            if (error.isNull()) {
                continue;
            }
            failedRecords++;
            String key = error.get("type").asText() + (error.get("code").isNull() ? "" : " " + error.get("code"));
            byType.merge(key, 1, Integer::sum);
            assertFalse(error.get("message").asText().isBlank(), "every failure says why: " + line);
            if (record.get("metrics").has("time_to_first_token")) {
                failedWithTtft++;
            }
        }
        assertEquals(failed + cancelled, failedRecords);
        long tableCount = 0;
        for (JsonNode row : summary.get("error_summary")) {
            tableCount += row.get("count").asLong();
        }
        assertEquals(failed + cancelled, tableCount, "the error table counts every failure");
        for (String expected : List.of("http 429", "http 500", "http 503", "response", "response 500", "stream",
                "timeout")) {
            assertTrue(byType.containsKey(expected), "failures of type " + expected + " in " + byType);
        }
        assertTrue(failedWithTtft > 0, "streams that broke after their first token keep their TTFT");
        JSON.readTree(runDir.resolve("inputs.json").toFile());
        Files.readAllLines(runDir.resolve("profile_export_llmbench.csv"));

        System.out.printf("fault-mix soak: %d requests at concurrency 200 in %.1f s (%.0f requests/s): %d succeeded,"
                + " %d failed, %d cancelled; failures by type %s; %d failed records kept a TTFT%n", sent, seconds,
                sent / seconds, succeeded, failed, cancelled, byType, failedWithTtft);
    }
}
