package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.mock.MockServer;
import io.llmbench.runtime.mock.MockSettings;
import io.llmbench.runtime.run.BenchmarkRunner;
import io.llmbench.runtime.run.RunOutcome;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.BenchmarkDefinition;
import io.llmbench.runtime.spec.RunSpec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.HelpFormatter;

/**
 * The runner's entry point: {@code java -jar benchmarks.jar [options] [regex ...]} runs the generated
 * benchmarks, {@code profile} runs one defined by options alone, {@code mock-server} serves the
 * embedded mock server.
 */
public final class Main {

    /** The model name the embedded mock server answers to when the user names none; not a Hub model. */
    static final String MOCK_MODEL = MockSettings.DEFAULT_MODEL;

    static final String MOCK_HOST = "127.0.0.1";

    private final PrintStream out;
    private final PrintStream err;
    private final ClassLoader loader;
    private final java.util.Map<String, String> env;

    public Main(PrintStream out, PrintStream err, ClassLoader loader) {
        this(out, err, loader, System.getenv());
    }

    /**
     * A runner reading the environment ({@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code HF_HUB_OFFLINE},
     * {@code LLMBENCH_CACHE}, ...) from {@code env} instead of the process's, so that tests can point
     * it at a local Hub.
     */
    public Main(PrintStream out, PrintStream err, ClassLoader loader, java.util.Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.loader = loader;
        this.env = java.util.Map.copyOf(env);
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err, Thread.currentThread().getContextClassLoader()).run(args));
    }

    /** Runs the command line and returns the exit code ({@link ExitCode}). */
    public int run(String[] args) {
        try {
            Invocation invocation = CliParser.parse(args);
            if (invocation.help()) {
                printHelp();
                return ExitCode.OK;
            }
            return switch (invocation.command()) {
                case MOCK_SERVER -> serveMock(invocation.settings());
                case PROFILE -> profile(invocation);
                case RUN -> runBenchmarks(invocation);
                case PLOT -> new ResultCommands(out, err).plot(invocation);
                case COMPARE -> new ResultCommands(out, err).compare(invocation);
                case MERGE -> new ResultCommands(out, err).merge(invocation);
            };
        } catch (UserInputException e) {
            err.println("llmbench: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (java.io.UncheckedIOException e) {
            err.println("llmbench: " + e.getMessage());
            return ExitCode.RUN_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("llmbench: interrupted");
            return ExitCode.INTERRUPTED;
        }
    }

    private int runBenchmarks(Invocation invocation) throws InterruptedException {
        BenchmarkCatalog catalog = BenchmarkCatalog.discover(loader);
        SelectionCli selection = invocation.settings().selection();
        List<BenchmarkDefinition> selected = catalog.select(invocation.regexes(), selection.excludes());
        if (invocation.list() || selection.listWithParameters()) {
            BenchmarkListing.print(out, selected, selection.listWithParameters());
            return ExitCode.OK;
        }
        if (catalog.isEmpty()) {
            throw new UserInputException("no benchmarks found on the class path: annotate a class with @LlmBenchmark "
                    + "and build with the llmbench processor, or use the 'profile' command");
        }
        if (selected.isEmpty()) {
            throw new UserInputException("no benchmark matches " + invocation.regexes()
                    + ": list them with -l");
        }
        List<PlannedRun> jobs = new ArrayList<>();
        try (MockServer mock = startMockIfAsked(invocation.settings())) {
            SettingsResolver resolver = resolver(invocation.settings(), mock);
            for (BenchmarkDefinition definition : selected) {
                // Resolve every benchmark before running any, so a bad setting fails in a second, not after an hour.
                for (RunSpec spec : resolver.resolve(definition.name(), definition.settings(), true)) {
                    jobs.add(new PlannedRun(spec, definition));
                }
            }
            return runAll(jobs, mock != null, invocation.settings());
        }
    }

    private int profile(Invocation invocation) throws InterruptedException {
        if (!invocation.regexes().isEmpty()) {
            throw new UserInputException("'profile' takes options only, not " + invocation.regexes()
                    + " (run with -h for the options)");
        }
        try (MockServer mock = startMockIfAsked(invocation.settings())) {
            SettingsResolver resolver = resolver(invocation.settings(), mock);
            // As AIPerf: a profile run streams only when --streaming says so.
            return runAll(resolver.resolve("profile", AnnotatedSettings.unset(), false).stream()
                    .map(spec -> new PlannedRun(spec, null)).toList(), mock != null,
                    invocation.settings());
        }
    }

    private int runAll(List<PlannedRun> jobs, boolean againstMock, CliSettings settings) throws InterruptedException {
        int exit = ExitCode.OK;
        boolean slosMet = true;
        BenchmarkRunner runner = new BenchmarkRunner(out, err, againstMock ? MOCK_MODEL : null, env,
                settings.output().settings());
        InvocationResults results = new InvocationResults(out, err, settings);
        try {
            for (PlannedRun job : jobs) {
                RunOutcome outcome = runner.run(job.spec(), job.newHooks());
                slosMet &= results.add(job, outcome);
                if (outcome.interrupted()) {
                    return ExitCode.INTERRUPTED;
                }
                if (outcome.successfulRequests() == 0) {
                    exit = ExitCode.RUN_FAILED;
                }
            }
            // A failed run says more than a missed SLO; the SLO gate speaks when every run completed.
            return exit == ExitCode.OK && !slosMet ? ExitCode.GATE_FAILED : exit;
        } finally {
            // Also after a failure or an interrupt: what was measured is reported.
            results.finish();
        }
    }

    private int serveMock(CliSettings settings) throws InterruptedException {
        String host = settings.host() != null ? settings.host() : MOCK_HOST;
        int port = settings.port() != null ? settings.port() : 8000;
        MockServer started;
        try {
            started = MockServer.start(host, port, mockSettings(settings), settings.mockFaults());
        } catch (IllegalStateException e) {
            // Most often the port is taken: a user's choice to change, not a crash to trace.
            throw new UserInputException(e.getMessage() + "; choose another --port (0 picks a free one) or --host");
        }
        try (MockServer mock = started) {
            out.println("llmbench mock server listening on " + mock.baseUri() + " (Ctrl-C to stop)");
            if (settings.mockFaults().any()) {
                out.println("Injecting faults: " + settings.mockFaults().describe());
            }
            out.flush();
            mock.join();
        }
        return ExitCode.OK;
    }

    private MockServer startMockIfAsked(CliSettings settings) {
        if (!settings.mock()) {
            return null;
        }
        MockServer mock = MockServer.start(MOCK_HOST, 0, mockSettings(settings), settings.mockFaults());
        out.println("# Mock server: " + mock.baseUri() + " " + describe(mockSettings(settings)));
        if (settings.mockFaults().any()) {
            out.println("# Mock faults: " + settings.mockFaults().describe());
        }
        return mock;
    }

    static MockSettings mockSettings(CliSettings settings) {
        MockSettings defaults = MockSettings.defaults();
        return defaults
                .withTiming(settings.mockTtftMs() != null ? settings.mockTtftMs() : defaults.ttftMs(),
                        settings.mockItlMs() != null ? settings.mockItlMs() : defaults.itlMs())
                .withOutputTokens(settings.mockOutputTokens() != null
                        ? settings.mockOutputTokens() : defaults.outputTokens())
                .withErrorRate(settings.mockErrorRate() != null ? settings.mockErrorRate() : defaults.errorRate())
                .withReasoningTokens(settings.mockReasoningTokens() != null ? settings.mockReasoningTokens() : 0);
    }

    private static String describe(MockSettings settings) {
        return "(TTFT " + settings.ttftMs() + " ms, ITL " + settings.itlMs() + " ms, "
                + settings.outputTokens() + " output tokens unless max_tokens says otherwise"
                + (settings.errorRate() > 0 ? ", " + settings.errorRate() + " of requests fail with HTTP 500" : "")
                + (settings.reasoningTokens() > 0 ? ", the first " + settings.reasoningTokens()
                        + " tokens of a chat response as reasoning" : "")
                + ")";
    }

    static SettingsResolver resolver(CliSettings settings, MockServer mock) {
        return mock == null
                ? new SettingsResolver(settings, null, null)
                : new SettingsResolver(settings, mock.baseUri().toString(), MOCK_MODEL);
    }

    private void printHelp() {
        PrintWriter writer = new PrintWriter(out, true);
        new HelpFormatter().printHelp(writer, 100,
                "java -jar benchmarks.jar [options] [regex ...]\n"
                        + "       java -jar benchmarks.jar profile [options]\n"
                        + "       java -jar benchmarks.jar mock-server [--host HOST] [--port PORT] [--mock-* ...]\n"
                        + "       java -jar benchmarks.jar plot RESULT_DIR ...\n"
                        + "       java -jar benchmarks.jar compare BASELINE[,RUN...] CANDIDATE[,RUN...]"
                        + " [--regression-threshold PCT]\n"
                        + "       java -jar benchmarks.jar merge RESULT_DIR RESULT_DIR ... [--artifact-dir DIR]",
                "Runs LLM serving benchmarks. Options (see docs/cli.md):", CliOptions.all(), 2, 2,
                "Exit codes: 0 ok, 1 a run failed, 2 usage error, 3 a benchmark missed an @Slo or compare found a regression,"
                        + " 130 interrupted.", false);
        writer.flush();
    }

}
