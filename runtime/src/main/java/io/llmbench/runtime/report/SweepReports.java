package io.llmbench.runtime.report;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparison report of a sweep: after an invocation that ran a benchmark at several points with
 * plots on, one folder per such benchmark, {@code <benchmark>-sweep-<time>} below the artifact dir,
 * with the Pareto and throughput-latency plots of its points and their page (as the {@code plot}
 * command draws over those run folders).
 */
public final class SweepReports {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private SweepReports() {
    }

    /**
     * Writes one comparison report per benchmark of {@code plotted} that has two or more results with
     * a run folder, prints each page's path on {@code out}; returns the pages.
     */
    public static List<Path> write(List<PointResult> results, Set<String> plotted, Path artifactDir,
            PrintStream out, PrintStream err) {
        Map<String, List<ResultFolder>> byBenchmark = new LinkedHashMap<>();
        for (PointResult result : results) {
            Path dir = result.runDirectory();
            if (plotted.contains(result.benchmark()) && dir != null
                    && Files.isRegularFile(dir.resolve(ProfileJsonWriter.FILE_NAME))) {
                try {
                    byBenchmark.computeIfAbsent(result.benchmark(), b -> new ArrayList<>()).add(ResultFolder.read(dir));
                } catch (RuntimeException e) {
                    err.println("llmbench: " + dir + " is left out of the sweep report: " + e.getMessage());
                }
            }
        }
        List<Path> pages = new ArrayList<>();
        String stamp = STAMP.format(LocalDateTime.now());
        for (Map.Entry<String, List<ResultFolder>> entry : byBenchmark.entrySet()) {
            if (entry.getValue().size() < 2) {
                continue;
            }
            Path dir = artifactDir.resolve(folderName(entry.getKey()) + "-sweep-" + stamp);
            try {
                Path page = RunReport.writeComparison(entry.getValue(), dir);
                out.println("# Sweep report: " + page.toAbsolutePath());
                pages.add(page);
            } catch (RuntimeException e) {
                // The runs' own exports are written already; a report that cannot be drawn loses nothing measured.
                err.println("llmbench: the sweep report of " + entry.getKey() + " could not be written: "
                        + e.getMessage());
            }
        }
        return pages;
    }

    /** The benchmark's simple name, safe as a folder name. */
    private static String folderName(String benchmark) {
        String simple = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return simple.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
