package io.llmbench.runtime.dataset.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trace file's timestamps drive {@code --fixed-schedule} end to end, from the command line to the server. */
class FixedScheduleReplayTest extends CapturingServerTest {


    @Test
    void mooncakeTimestampsSetWhenEachRequestReachesTheServer() throws Exception {
        // Written out of order: the schedule follows the timestamps, not the lines.
        Path trace = dir.resolve("trace.jsonl");
        Files.writeString(trace, String.join("\n",
                "{\"timestamp\": 2000, \"text_input\": \"third\", \"output_length\": 2}",
                "{\"timestamp\": 0, \"text_input\": \"first\", \"output_length\": 2}",
                "{\"timestamp\": 1000, \"input_length\": 40, \"hash_ids\": [7], \"output_length\": 2}") + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader(),
                Map.of("HF_HUB_OFFLINE", "1")).run(new String[] {"profile", "--url", server.uri().toString(),
                        "--model", CapturingServer.MODEL, "--input-file", trace.toString(), "--fixed-schedule",
                        "--artifact-dir", dir.resolve("out").toString()});

        assertEquals(ExitCode.OK, exit, err.toString(StandardCharsets.UTF_8));
        List<String> texts = server.bodies().stream().map(CapturingServer::userText).toList();
        assertEquals("first", texts.get(0));
        assertEquals("third", texts.get(2));
        List<Long> arrivals = server.arrivalNanos();
        long second = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
        long third = (arrivals.get(2) - arrivals.get(0)) / 1_000_000;
        // Requests are never sent early; the first may be late (the client warms up), which only shortens
        // the gaps measured from it.
        assertTrue(third - second >= 900, "1 s apart in the trace: " + second + " and " + third + " ms");
        assertTrue(third >= 1000, "2 s after the first in the trace: " + third + " ms");
    }
}
