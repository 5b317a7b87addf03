package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hook of {@link MockHooksBenchmark}, called by its generated runner during a real run against the mock. */
class HooksEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    @Test
    void hooksSupplyTheDatasetAdjustThePayloadsCheckTheAnswersAndBracketTheRun() throws IOException {
        int setups = MockHooksBenchmark.SETUPS.get();
        int teardowns = MockHooksBenchmark.TEARDOWNS.get();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader()).run(new String[] {"--mock", "--mock-ttft-ms", "1",
                    "--mock-itl-ms", "1", "--artifact-dir", artifacts.toString(), "-rf", "json", "MockHooksBenchmark"});
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, exit, out + stderr);
        assertEquals(setups + 1, MockHooksBenchmark.SETUPS.get(), "@Setup ran once");
        assertEquals(teardowns + 1, MockHooksBenchmark.TEARDOWNS.get(), "@TearDown ran once");
        assertTrue(out.contains("# Dataset: 2 entries from the benchmark's @CustomDataset method"), out);
        assertTrue(out.contains("# Accuracy (response check): 50.00% (2 of 4)"), out);
        assertTrue(out.contains("# SLO met: accuracy = 0.50, threshold >= 0.40"), out);

        Path runDir;
        try (Stream<Path> dirs = Files.list(artifacts).filter(Files::isDirectory)) {
            runDir = dirs.findFirst().orElseThrow();
        }
        JsonNode inputs = JSON.readTree(runDir.resolve("inputs.json").toFile());
        List<JsonNode> payloads = inputs.findValues("ignore_eos");
        assertEquals(2, payloads.size(), "each of the two bodies was customized: " + inputs);
        assertTrue(payloads.stream().allMatch(JsonNode::asBoolean), inputs.toString());
        assertTrue(inputs.toString().contains("Which letter comes second?"), inputs.toString());

        JsonNode check = JSON.readTree(runDir.resolve("response_check.json").toFile());
        assertEquals(4, check.path("checked").asInt());
        assertEquals(0.5, check.path("accuracy").asDouble(), 0.0);
        JsonNode result = JSON.readTree(artifacts.resolve("llmbench-result.json").toFile());
        assertEquals(0.5, result.path("runs").get(0).path("accuracy").path("fraction").asDouble(), 0.0);
    }
}
