package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs a sample benchmark through {@code Main} against the embedded mock server, as a user would. */
final class MockRun {

    private MockRun() {
    }

    /**
     * Runs {@code --mock --mock-ttft-ms TTFT --mock-itl-ms ITL --artifact-dir artifactDir options... benchmark},
     * expects success, and returns the run's folder.
     */
    static Path runDirectory(Path artifactDir, String ttftMs, String itlMs, String benchmark, String... options)
            throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("--mock", "--mock-ttft-ms", ttftMs, "--mock-itl-ms", itlMs,
                "--artifact-dir", artifactDir.toString()), Stream.concat(Stream.of(options),
                        Stream.of(benchmark))).toArray(String[]::new);
        int exit = new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader()).run(args);
        assertEquals(ExitCode.OK, exit, stdout.toString(StandardCharsets.UTF_8) + stderr);
        try (Stream<Path> dirs = Files.list(artifactDir)) {
            return dirs.toList().get(0);
        }
    }
}
