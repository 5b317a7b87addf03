package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.RunsInterval;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code profile_export_llmbench_aggregate.csv}, laid out like AIPerf's
 * {@code profile_export_aiperf_aggregate.csv}: the metrics table
 * ({@code metric,mean,std,min,max,cv,se,ci_low,ci_high,t_critical,unit}; two decimals, four for
 * {@code cv}, {@code se} and {@code t_critical}; {@code inf} for an infinite value, empty for none),
 * a blank line, then the metadata as {@code name,value} rows.
 */
public final class AggregateCsvWriter {

    /** The file's name in the aggregate folder. */
    public static final String FILE_NAME = "profile_export_llmbench_aggregate.csv";

    /** The header of the metrics table. */
    public static final String HEADER = "metric,mean,std,min,max,cv,se,ci_low,ci_high,t_critical,unit";

    private AggregateCsvWriter() {
    }

    /** Writes (or replaces) {@code file}. */
    public static void write(Path file, RunsAggregate aggregate) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\r\n");
            for (Map.Entry<String, RunsAggregate.Metric> entry : aggregate.metrics().entrySet()) {
                RunsInterval i = entry.getValue().interval();
                out.write(String.join(",", entry.getKey(), number(i.mean(), 2), number(i.std(), 2),
                        number(i.min(), 2), number(i.max(), 2), number(i.cv(), 4), number(i.se(), 4),
                        number(i.ciLow(), 2), number(i.ciHigh(), 2), number(i.tCritical(), 4),
                        entry.getValue().unit()) + "\r\n");
            }
            out.write("\r\n");
            out.write("Aggregation Type,confidence\r\n");
            out.write("Total Runs," + aggregate.runs().size() + "\r\n");
            out.write("Successful Runs," + aggregate.successfulRuns() + "\r\n");
            out.write("Confidence Level," + aggregate.confidenceLevel() + "\r\n");
        }
    }

    private static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }
}
