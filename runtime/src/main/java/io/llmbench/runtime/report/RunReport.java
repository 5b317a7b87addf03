package io.llmbench.runtime.report;

import io.llmbench.runtime.report.html.HtmlReport;
import io.llmbench.runtime.report.plot.ComparisonPlots;
import io.llmbench.runtime.report.plot.Plot;
import io.llmbench.runtime.report.plot.RunPlots;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the plots (PNG files under {@code plots/}) and the self-contained {@code report.html} of results. */
public final class RunReport {

    /** The page's file name. */
    public static final String FILE_NAME = "report.html";
    /** The folder of the PNG files. */
    public static final String PLOTS_FOLDER = "plots";

    private RunReport() {
    }

    /** Writes the plots and the page of the run in {@code runDir} into it; returns the page. */
    public static Path write(Path runDir, PrintStream err) {
        ResultFolder run = ResultFolder.read(runDir);
        if (!run.hasRecords()) {
            err.println("llmbench: " + runDir + " has no " + ProfileJsonlWriter.FILE_NAME
                    + " (export level summary): the report has tables but no plots");
        }
        List<Plot> plots = RunPlots.of(run);
        return write(runDir, plots, HtmlReport.ofRun(run, plots));
    }

    /** Writes the comparison plots and the page of several runs into {@code outDir}; returns the page. */
    public static Path writeComparison(List<ResultFolder> runs, Path outDir) {
        List<Plot> plots = ComparisonPlots.of(runs);
        return write(outDir, plots, HtmlReport.ofRuns(runs, plots));
    }

    private static Path write(Path dir, List<Plot> plots, String html) {
        try {
            Path plotDir = Files.createDirectories(dir.resolve(PLOTS_FOLDER));
            for (Plot plot : plots) {
                Files.write(plotDir.resolve(plot.fileName()), plot.png());
            }
            Path page = dir.resolve(FILE_NAME);
            Files.writeString(page, html, StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + dir + ": " + e.getMessage(), e);
        }
    }
}
