package io.llmbench.runtime.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs {@code profile --mock} through {@link Main} into an artifact folder and finds the run folder. */
final class MockRuns {

    private MockRuns() {
    }

    /** The outcome of one command line. */
    record Result(int exit, String out, String err) {
    }

    /** Runs {@code args} through Main. */
    static Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new Main(o, e, MockRuns.class.getClassLoader()).run(args);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A small streaming run against the embedded mock server: 16-token prompts, 8 output tokens,
     * the given TTFT, into {@code artifactDir}; returns the run's folder.
     */
    static Path run(Path artifactDir, double ttftMs, int requests, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("profile", "--mock", "--streaming", "--quiet",
                "--concurrency", "4", "--request-count", Integer.toString(requests), "--isl", "16", "--osl", "8",
                "--mock-ttft-ms", Double.toString(ttftMs), "--mock-itl-ms", "1",
                "--artifact-dir", artifactDir.toString()));
        args.addAll(List.of(extra));
        Result result = main(args.toArray(String[]::new));
        assertEquals(0, result.exit(), () -> "run failed: " + result.err() + result.out());
        try (Stream<Path> runs = Files.list(artifactDir)) {
            List<Path> dirs = runs.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), () -> "expected one run folder in " + artifactDir + ": " + dirs);
            return dirs.get(0);
        }
    }
}
