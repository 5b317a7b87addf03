package io.llmbench.runtime.cli;

import io.llmbench.runtime.report.OutputSettings;
import io.llmbench.runtime.report.PointResult;
import io.llmbench.runtime.report.ResultFileWriter;
import io.llmbench.runtime.report.SweepReports;
import io.llmbench.runtime.report.SweepSummaryTable;
import io.llmbench.runtime.run.RunOutcome;
import io.llmbench.runtime.run.SloEvaluator;
import io.llmbench.runtime.run.SloVerdict;
import io.llmbench.runtime.spec.RunSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The results of every run of one invocation: after the last run (or after a failure or interrupt
 * cut the invocation short) it prints the summary table across runs and writes the {@code -rf}
 * result file with what was measured.
 */
final class InvocationResults {

    private final PrintStream out;
    private final PrintStream err;
    private final SelectionCli selection;
    private final Path artifactDir;
    private final List<PointResult> results = new ArrayList<>();
    private final OutputSettings output;
    /** Benchmarks that asked for plots: their sweeps also get a comparison report. */
    private final Set<String> plotted = new LinkedHashSet<>();

    InvocationResults(PrintStream out, PrintStream err, CliSettings settings) {
        this.out = out;
        this.err = err;
        this.selection = settings.selection() == null ? SelectionCli.none() : settings.selection();
        this.artifactDir = settings.artifactDir() != null ? settings.artifactDir()
                : SettingsResolver.DEFAULT_ARTIFACT_DIR;
        this.output = settings.output() == null ? OutputSettings.defaults() : settings.output().settings();
    }

    /**
     * Records the outcome of {@code job} and prints whether it met each of its benchmark's {@code @Slo}s.
     *
     * @return whether every {@code @Slo} was met (true when there are none)
     */
    boolean add(PlannedRun job, RunOutcome outcome) {
        boolean met = true;
        if (job.definition() != null) {
            for (SloVerdict verdict : SloEvaluator.evaluate(job.definition().settings().slos(), outcome.summary(),
                    outcome.accuracy())) {
                out.println("# " + verdict.describe());
                met &= verdict.met();
            }
        }
        add(job.spec(), outcome);
        return met;
    }

    void add(RunSpec spec, RunOutcome outcome) {
        if ((spec.output() != null ? spec.output() : output).plots()) {
            plotted.add(spec.benchmarkName());
        }
        results.add(new PointResult(spec.benchmarkName(), spec.point(), outcome.runDirectory(), outcome.summary(),
                outcome.accuracy()));
    }

    List<PointResult> results() {
        return List.copyOf(results);
    }

    /** Prints the table across runs (when there was more than one) and writes the result file (when asked). */
    void finish() {
        if (results.size() > 1) {
            out.print(SweepSummaryTable.render(results));
            out.println();
            SweepReports.write(results, plotted, artifactDir, out, err);
        }
        if (selection.resultFormat() != null) {
            Path file = selection.resultFile() != null ? selection.resultFile()
                    : artifactDir.resolve(ResultFileWriter.DEFAULT_BASE_NAME + "." + selection.resultFormat().extension());
            try {
                ResultFileWriter.write(file, selection.resultFormat(), results);
                out.println("# Result file: " + file.toAbsolutePath());
            } catch (IOException e) {
                err.println("llmbench: cannot write the result file " + file + ": " + e.getMessage());
            }
        }
        out.flush();
    }
}
