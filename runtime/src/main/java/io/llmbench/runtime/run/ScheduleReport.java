package io.llmbench.runtime.run;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The open-loop lines under the console table: how late requests left against their schedule
 * (Schedule Lag), and latencies measured from the scheduled instant, which show what a client or a
 * concurrency limit that held requests back did to the users' wait (coordinated omission made
 * visible). Closed-loop runs have no schedule and print nothing.
 */
final class ScheduleReport {

    private ScheduleReport() {
    }

    static void print(RunSummary summary, PrintStream out) {
        Optional<Statistics> lag = summary.statistics(MetricTag.SCHEDULE_LAG);
        if (lag.isEmpty()) {
            return;
        }
        out.println(line(MetricTag.SCHEDULE_LAG, lag.get()));
        summary.statistics(MetricTag.TIME_TO_FIRST_TOKEN_FROM_SCHEDULE)
                .ifPresent(s -> out.println(line(MetricTag.TIME_TO_FIRST_TOKEN_FROM_SCHEDULE, s)));
        summary.statistics(MetricTag.REQUEST_LATENCY_FROM_SCHEDULE)
                .ifPresent(s -> out.println(line(MetricTag.REQUEST_LATENCY_FROM_SCHEDULE, s)));
    }

    static String line(MetricTag tag, Statistics s) {
        return String.format(Locale.ROOT, "# %s: avg %,.2f, p50 %,.2f, p90 %,.2f, p99 %,.2f, max %,.2f",
                tag.label(), s.avg(), s.p50(), s.p90(), s.p99(), s.max());
    }
}
