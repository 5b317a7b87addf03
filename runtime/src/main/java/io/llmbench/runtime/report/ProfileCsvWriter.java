package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code profile_export_llmbench.csv}, laid out like AIPerf's {@code profile_export_aiperf.csv}:
 * a block {@code Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std} for the per-request
 * metrics, a blank line, then {@code Metric,Value} for the run-level ones. The {@code Metric} column
 * reads as the console does ({@code Name (unit)}); numbers have two decimals, no thousands separator.
 */
public final class ProfileCsvWriter {

    /** The file's name in the run folder. */
    public static final String FILE_NAME = "profile_export_llmbench.csv";

    /** The header of the per-request block. */
    public static final String STATISTICS_HEADER = "Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std";

    /** The header of the run-level block. */
    public static final String RUN_LEVEL_HEADER = "Metric,Value";

    private ProfileCsvWriter() {
    }

    /** Writes (or replaces) {@code file}. */
    public static void write(Path file, RunSummary summary) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            boolean any = false;
            for (Map.Entry<MetricTag, Statistics> entry : summary.statistics().entrySet()) {
                if (!summary.applies(entry.getKey())) {
                    continue;
                }
                if (!any) {
                    out.write(STATISTICS_HEADER + "\r\n");
                    any = true;
                }
                Statistics s = entry.getValue();
                StringBuilder row = new StringBuilder(cell(entry.getKey().label()));
                for (double v : new double[] {s.avg(), s.min(), s.max(), s.p1(), s.p5(), s.p10(), s.p25(), s.p50(),
                        s.p75(), s.p90(), s.p95(), s.p99(), s.std()}) {
                    row.append(',').append(DisplayNumbers.plain(v));
                }
                out.write(row + "\r\n");
            }
            if (any) {
                out.write("\r\n");
            }
            out.write(RUN_LEVEL_HEADER + "\r\n");
            for (Map.Entry<MetricTag, Double> entry : summary.runLevel().entrySet()) {
                if (summary.applies(entry.getKey())) {
                    out.write(cell(entry.getKey().label()) + ',' + DisplayNumbers.plain(entry.getValue()) + "\r\n");
                }
            }
        }
    }

    /** RFC 4180 quoting, for the day a name holds a comma or a quote. */
    private static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
