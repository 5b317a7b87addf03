package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The table printed after every run of an invocation with more than one: one row per run
 * (benchmark and sweep point) with the key metrics side by side, so a sweep reads at a glance.
 */
public final class SweepSummaryTable {

    /** The title line above the table. */
    public static final String TITLE = ToolInfo.NAME + " | Summary across runs";

    private SweepSummaryTable() {
    }

    /** The table of {@code results}, in the order given. */
    public static String render(List<PointResult> results) {
        Set<String> parameters = new LinkedHashSet<>();
        boolean anyAccuracy = false;
        for (PointResult result : results) {
            parameters.addAll(result.point().keySet());
            anyAccuracy |= result.accuracy() != null;
        }
        List<String> header = new ArrayList<>();
        header.add("Benchmark");
        header.addAll(parameters);
        header.addAll(List.of("TTFT p50 (ms)", "TTFT p99 (ms)", "ITL avg (ms)", "Requests/sec",
                "Output tokens/sec", "Errors"));
        if (anyAccuracy) {
            header.add("Accuracy");
        }
        List<List<String>> rows = new ArrayList<>();
        for (PointResult result : results) {
            RunSummary summary = result.summary();
            List<String> row = new ArrayList<>();
            row.add(shortName(result.benchmark()));
            for (String parameter : parameters) {
                row.add(result.point().getOrDefault(parameter, ""));
            }
            row.add(stat(summary, MetricTag.TIME_TO_FIRST_TOKEN, Statistics::p50));
            row.add(stat(summary, MetricTag.TIME_TO_FIRST_TOKEN, Statistics::p99));
            row.add(stat(summary, MetricTag.INTER_TOKEN_LATENCY, Statistics::avg));
            row.add(runLevel(summary, MetricTag.REQUEST_THROUGHPUT));
            row.add(runLevel(summary, MetricTag.OUTPUT_TOKEN_THROUGHPUT));
            row.add(DisplayNumbers.groupedInteger(summary.errorRequestCount()));
            if (anyAccuracy) {
                row.add(result.accuracy() == null || result.accuracy().checked() == 0 ? DisplayNumbers.NOT_AVAILABLE
                        : DisplayNumbers.grouped(100 * result.accuracy().fraction()) + "%");
            }
            rows.add(row);
        }
        boolean[] rightAligned = new boolean[header.size()];
        for (int c = 1; c < rightAligned.length; c++) {
            rightAligned[c] = true;
        }
        return TITLE + '\n' + TextTable.layout(header, rows, rightAligned);
    }

    /** The simple class name: the package repeats on every row and says nothing a reader needs there. */
    private static String shortName(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    private static String stat(RunSummary summary, MetricTag tag, ToDoubleFunction<Statistics> statistic) {
        if (!summary.applies(tag)) {
            return DisplayNumbers.NOT_AVAILABLE;
        }
        return summary.statistics(tag).map(s -> DisplayNumbers.grouped(statistic.applyAsDouble(s)))
                .orElse(DisplayNumbers.NOT_AVAILABLE);
    }

    private static String runLevel(RunSummary summary, MetricTag tag) {
        return summary.runLevel(tag).isPresent() ? DisplayNumbers.grouped(summary.runLevel(tag).getAsDouble())
                : DisplayNumbers.NOT_AVAILABLE;
    }
}
