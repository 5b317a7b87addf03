package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.mock.MockServer;
import io.llmbench.runtime.run.BenchmarkRunner;
import io.llmbench.runtime.run.RunOutcome;
import io.llmbench.runtime.run.SloEvaluator;
import io.llmbench.runtime.run.SloVerdict;
import io.llmbench.runtime.spec.BenchmarkDefinition;
import io.llmbench.runtime.spec.RunSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runner's command line as a library, for integrations that run benchmarks one point at a time
 * (the JUnit gate): options are the command line's ({@code --mock}, {@code --url}, {@code -p}, ...),
 * settings resolve as they do there, and the embedded mock server, when asked for, lives as long as
 * the session.
 */
public final class BenchmarkSession implements AutoCloseable {

    private final CliSettings settings;
    private final MockServer mock;
    private final SettingsResolver resolver;
    private final BenchmarkRunner runner;

    private BenchmarkSession(CliSettings settings, MockServer mock, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.mock = mock;
        this.resolver = Main.resolver(settings, mock);
        this.runner = new BenchmarkRunner(out, err, mock != null ? Main.MOCK_MODEL : null);
    }

    /**
     * Parses {@code options} (the runner's options, no command word, no regex) and starts the mock
     * server when {@code --mock} is among them.
     *
     * @throws UserInputException for a malformed option, with the command line's one-line message
     */
    public static BenchmarkSession open(List<String> options, PrintStream out, PrintStream err) {
        CliSettings settings = parse(options);
        MockServer mock = settings.mock()
                ? MockServer.start(Main.MOCK_HOST, 0, Main.mockSettings(settings)) : null;
        return new BenchmarkSession(settings, mock, out, err);
    }

    /**
     * The sweep points {@code definition} has under {@code options}, without starting anything:
     * for naming tests before they run.
     */
    public static List<Map<String, String>> points(List<String> options, BenchmarkDefinition definition) {
        CliSettings settings = parse(options);
        SettingsResolver resolver = new SettingsResolver(settings, SettingsResolver.DEFAULT_URL,
                settings.mock() ? Main.MOCK_MODEL : "unnamed-model");
        List<Map<String, String>> points = new ArrayList<>();
        for (RunSpec spec : resolver.resolve(definition.name(), definition.settings(), true)) {
            points.add(spec.point());
        }
        return points;
    }

    /** One planned run per sweep point of {@code definition}, in sweep order. */
    public List<PlannedRun> plan(BenchmarkDefinition definition) {
        List<PlannedRun> runs = new ArrayList<>();
        for (RunSpec spec : resolver.resolve(definition.name(), definition.settings(), true)) {
            runs.add(new PlannedRun(spec, definition));
        }
        return runs;
    }

    /** Runs {@code run} with a fresh instance of its benchmark's hooks. */
    public RunOutcome run(PlannedRun run) throws InterruptedException {
        return runner.run(run.spec(), run.newHooks());
    }

    /** The verdict on each {@code @Slo} of the run's benchmark. */
    public static List<SloVerdict> verdicts(PlannedRun run, RunOutcome outcome) {
        return SloEvaluator.evaluate(run.definition().settings().slos(), outcome.summary(), outcome.accuracy());
    }

    /** Whether the session runs against the embedded mock server. */
    public boolean againstMock() {
        return mock != null;
    }

    private static CliSettings parse(List<String> options) {
        Invocation invocation = CliParser.parse(options.toArray(String[]::new));
        if (invocation.command() != Invocation.Command.RUN || !invocation.regexes().isEmpty()) {
            throw new UserInputException("llmbench options " + options + " hold words that are not options: "
                    + "give options only, e.g. --mock or --url host:port --model NAME");
        }
        return invocation.settings();
    }

    /** Stops the mock server, if one was started. */
    @Override
    public void close() {
        if (mock != null) {
            mock.close();
        }
    }
}
