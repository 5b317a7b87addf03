package io.llmbench.junit;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.cli.BenchmarkSession;
import io.llmbench.runtime.cli.PlannedRun;
import io.llmbench.runtime.run.RunOutcome;
import io.llmbench.runtime.run.SloVerdict;
import io.llmbench.runtime.spec.BenchmarkDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.opentest4j.AssertionFailedError;

/**
 * The llmbench gate: a JUnit Platform engine that runs {@code @LlmBenchmark} classes found on the
 * test class path (through the processor's index) as tests, one per benchmark and sweep point, and
 * fails a point's test when one of the benchmark's {@code @Slo}s is missed or no request succeeded.
 *
 * <p>The runner's options come from the configuration parameter {@value #ARGS_PARAMETER} (Surefire's
 * {@code configurationParameters}, or a system property of that name), for example
 * {@code --url 127.0.0.1:8000 --model my-model}; without it the benchmarks run against the embedded
 * mock server ({@code --mock}). See {@code docs/junit.md}.
 */
public final class LlmBenchmarkTestEngine implements TestEngine {

    /** The engine's id. */
    public static final String ENGINE_ID = "llmbench";

    /** The configuration parameter holding the runner's options, separated by spaces. */
    public static final String ARGS_PARAMETER = "llmbench.args";

    /** Created by the JUnit Platform through {@code META-INF/services}. */
    public LlmBenchmarkTestEngine() {
    }

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "llmbench");
        List<String> options = options(request.getConfigurationParameters().get(ARGS_PARAMETER).orElse(null));
        Predicate<String> selected = selection(request);
        Predicate<String> classNames = name -> request.getFiltersByType(ClassNameFilter.class).stream()
                .allMatch(filter -> filter.apply(name).included());
        for (BenchmarkDefinition definition : ServiceLoader.load(BenchmarkDefinition.class,
                Thread.currentThread().getContextClassLoader())) {
            String name = definition.name();
            if (!(selected.test(name) || selected.test(definition.getClass().getName())) || !classNames.test(name)) {
                continue;
            }
            BenchmarkDescriptor benchmark = new BenchmarkDescriptor(uniqueId.append("benchmark", name), definition);
            List<Map<String, String>> points;
            try {
                points = BenchmarkSession.points(options, definition);
            } catch (UserInputException e) {
                // Reported when the benchmark runs; discovery must not throw.
                points = List.of(Map.of());
            }
            for (int i = 0; i < points.size(); i++) {
                benchmark.addChild(new PointDescriptor(benchmark.getUniqueId().append("point",
                        PointDescriptor.segment(points.get(i))), name, i, points.get(i)));
            }
            engine.addChild(benchmark);
        }
        return engine;
    }

    /** Which names the request's selectors pick: classes by name, packages by prefix, class path roots all. */
    private static Predicate<String> selection(EngineDiscoveryRequest request) {
        List<String> classes = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        request.getSelectorsByType(ClassSelector.class).forEach(s -> classes.add(s.getClassName()));
        request.getSelectorsByType(PackageSelector.class).forEach(s -> packages.add(s.getPackageName()));
        boolean all = !request.getSelectorsByType(ClasspathRootSelector.class).isEmpty();
        return name -> all || classes.contains(name)
                || packages.stream().anyMatch(p -> p.isEmpty() || name.startsWith(p + "."));
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor engine = request.getRootTestDescriptor();
        listener.executionStarted(engine);
        List<String> options = options(request.getConfigurationParameters().get(ARGS_PARAMETER).orElse(null));
        if (engine.getChildren().isEmpty()) {
            listener.executionFinished(engine, TestExecutionResult.successful());
            return;
        }
        try (BenchmarkSession session = BenchmarkSession.open(options, System.out, System.err)) {
            for (TestDescriptor child : engine.getChildren()) {
                runBenchmark(session, (BenchmarkDescriptor) child, listener);
            }
            listener.executionFinished(engine, TestExecutionResult.successful());
        } catch (UserInputException e) {
            listener.executionFinished(engine, TestExecutionResult.failed(
                    new IllegalArgumentException("llmbench." + "args " + options + ": " + e.getMessage(), e)));
        }
    }

    private static void runBenchmark(BenchmarkSession session, BenchmarkDescriptor benchmark,
            EngineExecutionListener listener) {
        listener.executionStarted(benchmark);
        List<PlannedRun> runs;
        try {
            runs = session.plan(benchmark.definition());
        } catch (UserInputException e) {
            listener.executionFinished(benchmark, TestExecutionResult.failed(e));
            return;
        }
        for (TestDescriptor child : benchmark.getChildren()) {
            PointDescriptor point = (PointDescriptor) child;
            listener.executionStarted(point);
            listener.executionFinished(point, runPoint(session, runs.get(point.index())));
        }
        listener.executionFinished(benchmark, TestExecutionResult.successful());
    }

    private static TestExecutionResult runPoint(BenchmarkSession session, PlannedRun run) {
        try {
            RunOutcome outcome = session.run(run);
            if (outcome.interrupted()) {
                return TestExecutionResult.aborted(new InterruptedException("the run was interrupted"));
            }
            if (outcome.failure() != null) {
                return TestExecutionResult.failed(new AssertionFailedError(run.spec().benchmarkName() + ": "
                        + outcome.failure()));
            }
            if (outcome.successfulRequests() == 0) {
                return TestExecutionResult.failed(new AssertionFailedError(run.spec().benchmarkName()
                        + ": no request succeeded (" + outcome.failedRequests() + " failed); see "
                        + outcome.runDirectory()));
            }
            List<String> missed = new ArrayList<>();
            for (SloVerdict verdict : BenchmarkSession.verdicts(run, outcome)) {
                System.out.println("# " + verdict.describe());
                if (!verdict.met()) {
                    missed.add(verdict.describe());
                }
            }
            if (!missed.isEmpty()) {
                return TestExecutionResult.failed(new AssertionFailedError(String.join("; ", missed)));
            }
            return TestExecutionResult.successful();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TestExecutionResult.aborted(e);
        } catch (RuntimeException e) {
            return TestExecutionResult.failed(e);
        }
    }

    private static List<String> options(String args) {
        if (args == null || args.isBlank()) {
            return List.of("--mock");
        }
        return Arrays.asList(args.strip().split("\\s+"));
    }
}
