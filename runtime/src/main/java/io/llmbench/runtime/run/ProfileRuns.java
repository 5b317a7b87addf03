package io.llmbench.runtime.run;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import io.llmbench.runtime.spec.RunSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Repeated runs of one point ({@code --num-profile-runs}): the spec of each run, and the mean with
 * its 95% confidence interval (Student's t over the runs) of the headline metrics across runs.
 */
final class ProfileRuns {

    /** Student's t, two-sided 95%, for 1 to 9 degrees of freedom (2 to 10 runs). */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262};

    private ProfileRuns() {
    }

    /** Run {@code run} (from 1) of {@code spec}: named in its point, warmup in the first run only. */
    static RunSpec specOfRun(RunSpec spec, int run) {
        Map<String, String> point = new LinkedHashMap<>(spec.point());
        point.put("run", Integer.toString(run));
        LoadSpec load = spec.load();
        if (run > 1) {
            PhaseLoad noWarmup = PhaseLoad.closedLoop(1, 0);
            load = new LoadSpec(load.concurrency(), load.requestCount(), 0, load.profiling(), noWarmup,
                    load.cancellationRate(), load.cancellationDelay(), load.numProfileRuns(), load.fixedSchedule(),
                    load.scheduleSeed(), load.sessions());
        }
        return new RunSpec(spec.benchmarkName(), point, spec.target(), load, spec.input(), spec.goodput(),
                spec.artifactDir(), spec.output());
    }

    static void print(List<RunSummary> summaries, PrintStream out) {
        out.println("# Over " + summaries.size() + " profile runs: mean ± 95% confidence interval (t), "
                + "coefficient of variation");
        line(out, "Request Throughput (requests/sec)", summaries, s -> s.runLevel(MetricTag.REQUEST_THROUGHPUT));
        line(out, "Output Token Throughput (tokens/sec)", summaries,
                s -> s.runLevel(MetricTag.OUTPUT_TOKEN_THROUGHPUT));
        line(out, "Time to First Token avg (ms)", summaries, s -> avg(s, MetricTag.TIME_TO_FIRST_TOKEN));
        line(out, "Time to First Token p99 (ms)", summaries, s -> p99(s, MetricTag.TIME_TO_FIRST_TOKEN));
        line(out, "Inter Token Latency avg (ms)", summaries, s -> avg(s, MetricTag.INTER_TOKEN_LATENCY));
        line(out, "Request Latency avg (ms)", summaries, s -> avg(s, MetricTag.REQUEST_LATENCY));
        line(out, "Request Latency p99 (ms)", summaries, s -> p99(s, MetricTag.REQUEST_LATENCY));
        out.println();
        out.flush();
    }

    private static OptionalDouble avg(RunSummary summary, MetricTag tag) {
        return summary.statistics(tag).map(s -> OptionalDouble.of(s.avg())).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble p99(RunSummary summary, MetricTag tag) {
        return summary.statistics(tag).map(s -> OptionalDouble.of(s.p99())).orElse(OptionalDouble.empty());
    }

    private static void line(PrintStream out, String name, List<RunSummary> summaries,
            Function<RunSummary, OptionalDouble> value) {
        List<Double> values = new ArrayList<>();
        for (RunSummary summary : summaries) {
            OptionalDouble v = value.apply(summary);
            if (v.isPresent()) {
                values.add(v.getAsDouble());
            }
        }
        if (values.isEmpty()) {
            return;
        }
        Interval interval = Interval.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        out.println(String.format(Locale.ROOT, "# %s: %,.2f ± %,.2f (CV %.1f%%, n=%d)", name, interval.mean(),
                interval.halfWidth(), interval.cv() * 100, values.size()));
    }

    /** Mean and the half-width of its 95% confidence interval. */
    record Interval(double mean, double halfWidth, double cv) {

        static Interval of(double[] values) {
            int n = values.length;
            Statistics statistics = Statistics.of(values);
            double mean = statistics.avg();
            if (n < 2) {
                return new Interval(mean, Double.NaN, Double.NaN);
            }
            double sampleStd = Math.sqrt(statistics.sampleVariance());
            double t = T_975[Math.min(n - 1, T_975.length) - 1];
            return new Interval(mean, t * sampleStd / Math.sqrt(n), mean == 0 ? Double.NaN : sampleStd / mean);
        }
    }
}
