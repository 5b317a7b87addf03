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
        // Streams of 1,000 tokens 10 ms apart (10 s) outlast the 2 s grace, so some must be cancelled.
        // 64 prompts reused: synthesising 100,000 would take seconds on a loaded machine.
        Interrupted child = interrupt("# Tokenizer:", 3_000, 60, // the first wave is mid-stream
                "profile", "--mock", "--streaming", "--concurrency", "8", "--request-count", "100000",
                "--num-dataset-entries", "64",
                "--osl", "1000", "--isl", "16", "--mock-ttft-ms", "5", "--mock-itl-ms", "10",
                "--artifact-dir", dir.toString());
        String console = child.console();
        assertEquals(ExitCode.INTERRUPTED, child.exit(), console);
        assertTrue(console.contains("# Interrupted"), console);

        Path runDir = find(dir, "profile_export_llmbench.json", console).getParent();
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
        Interrupted child = interrupt("# Cooldown", 0, 30,
                "profile", "--mock", "--streaming", "--concurrency", "2", "--request-count", "4", "--isl", "16",
                "--osl", "4", "--num-profile-runs", "3", "--profile-run-cooldown-seconds", "60",
                "--artifact-dir", dir.toString());
        String console = child.console();
        assertEquals(ExitCode.INTERRUPTED, child.exit(), console);
        assertTrue(child.exitedAfterNs() < TimeUnit.SECONDS.toNanos(30),
                "the child must not sit out its 60 s cooldown: " + console);
        Path aggregate = find(dir, "profile_export_llmbench_aggregate.json", console);
        JsonNode metadata = JSON.readTree(aggregate.toFile()).get("metadata");
        assertEquals(1, metadata.get("num_profile_runs").asInt(), "the one run done before the interrupt: " + metadata);
        assertEquals(1, metadata.get("num_successful_runs").asInt());
    }

    /**
     * How a child JVM ended after SIGINT.
     *
     * @param exit its exit code
     * @param console what it printed, stdout and stderr together
     * @param exitedAfterNs how long after the SIGINT it was gone
     */
    private record Interrupted(int exit, String console, long exitedAfterNs) {
    }

    /**
     * Runs {@link Main} with {@code args} in a child JVM, sends it SIGINT {@code delayMs} after it printed a
     * line starting with {@code readyLine}, and waits up to {@code exitSeconds} for it to exit.
     */
    private static Interrupted interrupt(String readyLine, long delayMs, int exitSeconds, String... args)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith(readyLine)) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the child is gone
            }
        });
        reader.start();
        long interruptedAt;
        long exitedAt;
        try {
            assertTrue(ready.await(60, TimeUnit.SECONDS), () -> "the child never printed " + readyLine + ": " + output);
            Thread.sleep(delayMs);
            interruptedAt = System.nanoTime();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(child.waitFor(exitSeconds, TimeUnit.SECONDS), "the child must exit after SIGINT");
            exitedAt = System.nanoTime();
        } finally {
            child.destroyForcibly();
        }
        reader.join(10_000);
        synchronized (output) {
            return new Interrupted(child.exitValue(), String.join("\n", output), exitedAt - interruptedAt);
        }
    }

    /** The first file named {@code name} below {@code dir}. */
    private static Path find(Path dir, String name, String console) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + ": " + console));
        }
    }
}
