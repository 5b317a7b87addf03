package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.llmbench.runtime.run.BenchmarkRunner;
import io.llmbench.runtime.run.RunOutcome;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** How the annotated-settings tests resolve a benchmark's settings under a command line, and run it. */
final class AnnotatedRuns {

    private AnnotatedRuns() {
    }

    /** The first run of benchmark {@code b.Bench} written with {@code annotated}, under command line {@code args}. */
    static RunSpec resolve(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, null)
                .resolve("b.Bench", annotated, false).get(0);
    }

    /** Runs {@code spec}, expecting every request to succeed. */
    static void run(RunSpec spec) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        RunOutcome outcome = new BenchmarkRunner(print, print, spec.target().model()).run(spec);
        assertEquals(spec.load().requestCount(), outcome.successfulRequests(), out::toString);
    }
}
