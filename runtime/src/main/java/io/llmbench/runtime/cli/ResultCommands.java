package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.compare.ComparisonTable;
import io.llmbench.runtime.compare.MetricChange;
import io.llmbench.runtime.compare.RunComparison;
import io.llmbench.runtime.merge.MergeWarnings;
import io.llmbench.runtime.merge.RunMerger;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.report.ConsoleTable;
import io.llmbench.runtime.report.ResultFolder;
import io.llmbench.runtime.report.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The commands over results already written: {@code plot}, {@code compare} and {@code merge}. */
final class ResultCommands {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final PrintStream out;
    private final PrintStream err;

    ResultCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One folder: its plots and report.html in it; several: the comparison plots and page below the artifact dir. */
    int plot(Invocation invocation) {
        List<ResultFolder> runs = read(invocation, 1, "plot RESULT_DIR ...");
        Path page;
        if (runs.size() == 1) {
            page = RunReport.write(runs.get(0).directory(), err);
        } else {
            page = RunReport.writeComparison(runs, stamped(invocation, "plots"));
        }
        out.println("# Report: " + page.toAbsolutePath());
        return ExitCode.OK;
    }

    /** Prints the table of changes; exits with {@link ExitCode#REGRESSION} when a metric regressed. */
    int compare(Invocation invocation) {
        if (invocation.regexes().size() != 2) {
            throw new UserInputException("compare takes two results, BASELINE and CANDIDATE (each a folder or JSON "
                    + "file, or several runs of one point joined by commas), not " + invocation.regexes().size());
        }
        List<ResultFolder> baseline = side(invocation.regexes().get(0));
        List<ResultFolder> candidate = side(invocation.regexes().get(1));
        OutputOptions.OutputCli options = invocation.settings().output();
        List<MetricChange> changes = RunComparison.compare(baseline, candidate, options.regressionThresholdPct(),
                options.significance());
        out.print(ComparisonTable.render(label(baseline), label(candidate), changes));
        if (baseline.stream().anyMatch(run -> !run.hasRecords())
                || candidate.stream().anyMatch(run -> !run.hasRecords())) {
            out.println("# No per-request records in one of the results: per-request metrics are judged by the"
                    + " threshold only.");
        }
        if (baseline.size() < 2 || candidate.size() < 2) {
            out.println("# Throughputs are judged by the threshold only: give two or more runs of each side"
                    + " (BASELINE1,BASELINE2 CANDIDATE1,CANDIDATE2) to test them against their run-to-run spread.");
        }
        boolean regression = RunComparison.hasRegression(changes);
        out.println(regression ? "# Regression beyond " + options.regressionThresholdPct() + "%" : "# No regression");
        out.flush();
        return regression ? ExitCode.REGRESSION : ExitCode.OK;
    }

    /** One side of a comparison: a result, or several runs of one point joined by commas. */
    private static List<ResultFolder> side(String argument) {
        List<ResultFolder> runs = java.util.Arrays.stream(argument.split(",")).map(String::strip)
                .filter(p -> !p.isEmpty()).map(p -> ResultFolder.read(Path.of(p))).toList();
        if (runs.isEmpty()) {
            throw new UserInputException("compare: '" + argument + "' names no result folder");
        }
        return runs;
    }

    private static String label(List<ResultFolder> runs) {
        return runs.size() == 1 ? runs.get(0).label() : runs.get(0).label() + " and " + (runs.size() - 1)
                + " more run" + (runs.size() == 2 ? "" : "s");
    }

    /** Merges the folders into a new folder below the artifact dir and prints its table. */
    int merge(Invocation invocation) {
        List<ResultFolder> runs = read(invocation, 2, "merge RESULT_DIR RESULT_DIR ...");
        Path target = stamped(invocation, "merged");
        for (String warning : MergeWarnings.of(runs)) {
            err.println("llmbench: merge: warning: " + warning);
        }
        try {
            RunSummary summary = RunMerger.merge(runs, target);
            out.print(ConsoleTable.render(summary));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the merged result in " + target + " failed: " + e.getMessage(), e);
        }
        out.println("# Merged " + runs.size() + " results into " + target.toAbsolutePath());
        out.flush();
        return ExitCode.OK;
    }

    private static List<ResultFolder> read(Invocation invocation, int atLeast, String usage) {
        if (invocation.regexes().size() < atLeast) {
            throw new UserInputException("give the result folders: " + usage);
        }
        return invocation.regexes().stream().map(p -> ResultFolder.read(Path.of(p))).toList();
    }

    private static Path stamped(Invocation invocation, String prefix) {
        Path root = invocation.settings().artifactDir() != null ? invocation.settings().artifactDir()
                : Path.of("artifacts");
        Path dir = root.resolve(prefix + "-" + STAMP.format(LocalDateTime.now()));
        for (int i = 2; java.nio.file.Files.exists(dir); i++) {
            dir = root.resolve(prefix + "-" + STAMP.format(LocalDateTime.now()) + "-" + i);
        }
        return dir;
    }
}
