package io.llmbench.runtime.merge;

import io.llmbench.runtime.report.ExportedRecord;
import io.llmbench.runtime.report.ResultFolder;
import java.util.ArrayList;
import java.util.List;

/**
 * What looks wrong, though not fatal, about results given to {@code merge}: runs against different
 * models, and runs that did not send at the same time (their merged throughput then counts the gap
 * between them as idle time).
 */
public final class MergeWarnings {

    private MergeWarnings() {
    }

    /** One line per doubt about merging {@code runs}; empty when they look like one benchmark run from many places. */
    public static List<String> of(List<ResultFolder> runs) {
        List<String> warnings = new ArrayList<>();
        String model = model(runs.get(0));
        for (ResultFolder run : runs.subList(1, runs.size())) {
            if (!model(run).equals(model)) {
                warnings.add(run.directory() + " ran against model '" + model(run) + "', "
                        + runs.get(0).directory() + " against '" + model + "': merge results of one benchmark");
            }
        }
        long latestStart = Long.MIN_VALUE;
        long earliestEnd = Long.MAX_VALUE;
        for (ResultFolder run : runs) {
            long[] span = span(run);
            if (span == null) {
                continue;
            }
            latestStart = Math.max(latestStart, span[0]);
            earliestEnd = Math.min(earliestEnd, span[1]);
        }
        if (latestStart != Long.MIN_VALUE && latestStart > earliestEnd) {
            warnings.add(String.format(java.util.Locale.ROOT, "the results did not all send at the same time "
                    + "(one ended %.3f s before another started): the merged duration counts that gap, so its "
                    + "throughputs are lower than any single run's; merge runs of concurrent load generators",
                    (latestStart - earliestEnd) / 1e9));
        }
        return warnings;
    }

    private static String model(ResultFolder run) {
        return run.summary().path("input_config").path("endpoint").path("model").asText("");
    }

    /** Earliest start and latest end of the run's valid profiling requests, or {@code null}. */
    private static long[] span(ResultFolder run) {
        if (!run.hasRecords()) {
            return null;
        }
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (ExportedRecord record : run.records()) {
            if (record.profiling() && record.valid() && record.startNs() != ExportedRecord.ABSENT
                    && record.endNs() != ExportedRecord.ABSENT) {
                start = Math.min(start, record.startNs());
                end = Math.max(end, record.endNs());
            }
        }
        return start == Long.MAX_VALUE ? null : new long[] {start, end};
    }
}
