package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's exit codes as docs/cli.md lists them: each documented code appears in its table,
 * and a benchmark that misses an {@code @Slo} exits with the gate's code although its run completed.
 * (0 and 1 are proven by {@link EndToEndTest}, 2 by the usage tests, 3 for compare by the runtime's
 * CompareTest, 130 by its InterruptTest on a real process.)
 */
class ExitCodesTest {

    @TempDir
    Path artifacts;

    @Test
    void aMissedSloExitsWithTheGateCodeAfterWritingTheRun() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader()).run(new String[] {"--mock", "--mock-ttft-ms", "2",
                    "--mock-itl-ms", "1", "--artifact-dir", artifacts.toString(), "MockMissedSloBenchmark"});
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.GATE_FAILED, exit, out + stderr);
        assertEquals(3, ExitCode.GATE_FAILED);
        assertTrue(out.contains("# SLO missed: time_to_first_token p50 = "), out);
        try (var runs = Files.list(artifacts)) {
            assertEquals(1, runs.filter(Files::isDirectory).count(), "the run's exports are written");
        }
    }

    @Test
    void everyExitCodeIsDocumented() throws IOException {
        String cli = Files.readString(Path.of("..", "docs", "cli.md"));
        String table = cli.substring(cli.indexOf("## Exit codes"), cli.indexOf("## Faults, interrupts and secrets"));
        for (int code : new int[] {ExitCode.OK, ExitCode.RUN_FAILED, ExitCode.USAGE, ExitCode.GATE_FAILED,
            ExitCode.REGRESSION, ExitCode.INTERRUPTED}) {
            assertTrue(table.contains("\n| " + code + " | "), "exit code " + code + " in docs/cli.md:\n" + table);
        }
        assertTrue(table.contains("@Slo") && table.contains("compare"), table);
    }
}
