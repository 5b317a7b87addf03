package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real child JVM: sending stops, requests still in flight are cancelled, and the exports are written. */
class InterruptTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(120)
    @DisabledOnOs(OS.WINDOWS) // needs kill -INT
    void sigintStopsTheRunCancelsWhatIsInFlightWritesTheExportsAndExits130(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Streams of 1,000 tokens 10 ms apart (10 s) outlast the 2 s grace, so some must be cancelled.
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                // 64 prompts reused: synthesising 100,000 would take seconds on a loaded machine.
                "profile", "--mock", "--streaming", "--concurrency", "8", "--request-count", "100000",
                "--num-dataset-entries", "64",
                "--osl", "1000", "--isl", "16", "--mock-ttft-ms", "5", "--mock-itl-ms", "10",
                "--artifact-dir", dir.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("# Tokenizer:")) {
                        running.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the child is gone
            }
        });
        reader.start();
        try {
            assertTrue(running.await(60, TimeUnit.SECONDS), () -> "the child never started its run: " + output);
            Thread.sleep(3_000); // the first wave is mid-stream
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child must exit after SIGINT");
        } finally {
            child.destroyForcibly();
        }
        reader.join(10_000);
        String console;
        synchronized (output) {
            console = String.join("\n", output);
        }
        assertEquals(ExitCode.INTERRUPTED, child.exitValue(), console);
        assertTrue(console.contains("# Interrupted"), console);

        Path runDir;
        try (Stream<Path> files = Files.walk(dir)) {
            runDir = files.filter(p -> p.getFileName().toString().equals("profile_export_llmbench.json"))
                    .findFirst().orElseThrow(() -> new AssertionError("no summary export: " + console)).getParent();
        }
        JsonNode summary = JSON.readTree(runDir.resolve("profile_export_llmbench.json").toFile());
        assertTrue(summary.get("was_cancelled").asBoolean(), "the export says the run was interrupted");
        JsonNode accounting = summary.get("request_accounting");
        long sent = accounting.get("sent").asLong();
        long cancelled = accounting.get("cancelled").asLong();
        assertTrue(accounting.get("balanced").asBoolean(), accounting.toString());
        assertTrue(sent < 100_000, "sending stopped");
        assertTrue(cancelled > 0, "streams longer than the grace are cancelled: " + accounting);

        List<String> lines = Files.readAllLines(runDir.resolve("profile_export.jsonl"));
        assertEquals(sent, lines.size(), "every request sent has its record");
        long cancelledRecords = 0;
        long cancelledWithTtft = 0;
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            if (record.get("metadata").get("was_cancelled").asBoolean()) {
                cancelledRecords++;
                assertEquals("cancelled", record.get("error").get("type").asText());
                // A request sent just before the interrupt may be cancelled before its first token.
                if (record.get("metrics").has("time_to_first_token")) {
                    cancelledWithTtft++;
                }
            }
        }
        assertEquals(cancelled, cancelledRecords);
        assertTrue(cancelledWithTtft > 0, "a stream cancelled mid-stream keeps the TTFT it measured");
        System.out.println("interrupt: " + accounting);
    }

    @Test
    @Timeout(120)
    @DisabledOnOs(OS.WINDOWS) // needs kill -INT
    void sigintDuringACooldownEndsTheRunsAndStillWritesTheAggregateOfThoseDone(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "profile", "--mock", "--streaming", "--concurrency", "2", "--request-count", "4", "--isl", "16",
                "--osl", "4", "--num-profile-runs", "3", "--profile-run-cooldown-seconds", "60",
                "--artifact-dir", dir.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CountDownLatch coolingDown = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("# Cooldown")) {
                        coolingDown.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the child is gone
            }
        });
        reader.start();
        long interruptedAt;
        try {
            assertTrue(coolingDown.await(60, TimeUnit.SECONDS), () -> "the child never cooled down: " + output);
            interruptedAt = System.nanoTime();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child must not sit out its 60 s cooldown");
        } finally {
            child.destroyForcibly();
        }
        reader.join(10_000);
        String console;
        synchronized (output) {
            console = String.join("\n", output);
        }
        assertEquals(ExitCode.INTERRUPTED, child.exitValue(), console);
        assertTrue(System.nanoTime() - interruptedAt < TimeUnit.SECONDS.toNanos(30), console);
        Path aggregate;
        try (Stream<Path> files = Files.walk(dir)) {
            aggregate = files.filter(p -> p.getFileName().toString().equals("profile_export_llmbench_aggregate.json"))
                    .findFirst().orElseThrow(() -> new AssertionError("no aggregate export: " + console));
        }
        JsonNode metadata = JSON.readTree(aggregate.toFile()).get("metadata");
        assertEquals(1, metadata.get("num_profile_runs").asInt(), "the one run done before the interrupt: " + metadata);
        assertEquals(1, metadata.get("num_successful_runs").asInt());
    }
}
