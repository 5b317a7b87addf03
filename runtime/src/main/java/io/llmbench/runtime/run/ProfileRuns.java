package io.llmbench.runtime.run;

import io.llmbench.runtime.metrics.RunsInterval;
import io.llmbench.runtime.report.AggregateCsvWriter;
import io.llmbench.runtime.report.AggregateJsonWriter;
import io.llmbench.runtime.report.RunsAggregate;
import io.llmbench.runtime.report.ToolInfo;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import io.llmbench.runtime.spec.ProfileRunPolicy;
import io.llmbench.runtime.spec.RunSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Repeated runs of one point ({@code --num-profile-runs}): the spec of each run (warmup and seed as
 * the {@link ProfileRunPolicy} says), the cooldown between runs, and the summing up over the runs:
 * the headline metrics printed as mean ± the half-width of their confidence interval (Student's t
 * at {@code --confidence-level}), and every metric in the aggregate export.
 */
final class ProfileRuns {

    /** The printed lines: label, then the aggregate key. */
    private static final Map<String, String> PRINTED = new LinkedHashMap<>();

    static {
        PRINTED.put("Request Throughput (requests/sec)", "request_throughput_avg");
        PRINTED.put("Output Token Throughput (tokens/sec)", "output_token_throughput_avg");
        PRINTED.put("Time to First Token avg (ms)", "time_to_first_token_avg");
        PRINTED.put("Time to First Token p99 (ms)", "time_to_first_token_p99");
        PRINTED.put("Inter Token Latency avg (ms)", "inter_token_latency_avg");
        PRINTED.put("Request Latency avg (ms)", "request_latency_avg");
        PRINTED.put("Request Latency p99 (ms)", "request_latency_p99");
    }

    private ProfileRuns() {
    }

    /**
     * Run {@code run} (from 1) of {@code spec}: named in its point; without warmup after the first
     * run unless the policy keeps it; with the run's own seed when the policy gives each run one.
     */
    static RunSpec specOfRun(RunSpec spec, int run) {
        Map<String, String> point = new LinkedHashMap<>(spec.point());
        point.put("run", Integer.toString(run));
        LoadSpec load = spec.load();
        ProfileRunPolicy policy = load.profileRuns();
        PhaseLoad warmup = load.warmup();
        int warmupCount = load.warmupRequestCount();
        if (run > 1 && policy.disableWarmupAfterFirst()) {
            warmup = PhaseLoad.closedLoop(1, 0);
            warmupCount = 0;
        }
        load = load.withWarmupAndSeed(warmup, warmupCount, policy.seedOfRun(load.scheduleSeed(), run));
        InputSpec input = spec.input();
        long seed = policy.seedOfRun(input.randomSeed(), run);
        if (seed != input.randomSeed()) {
            input = input.withRandomSeed(seed);
        }
        return new RunSpec(spec.benchmarkName(), point, spec.target(), load, input, spec.goodput(),
                spec.artifactDir(), spec.output());
    }

    /** Before run {@code run} (from 1): the policy's cooldown, after every run but the last. */
    static void coolDown(ProfileRunPolicy policy, int run, int runs, PrintStream out) throws InterruptedException {
        if (run == 1 || policy.cooldown().isZero()) {
            return;
        }
        out.println(String.format(Locale.ROOT, "# Cooldown: %s s before run %d of %d",
                plain(policy.cooldown().toNanos() / 1e9), run, runs));
        out.flush();
        TimeUnit.NANOSECONDS.sleep(policy.cooldown().toNanos());
    }

    /**
     * Prints the headline metrics over {@code runs} and writes the aggregate export into a folder of
     * its own next to the runs' folders; returns that folder.
     */
    static Path report(RunSpec spec, List<RunsAggregate.Run> runs, PrintStream out) {
        double level = spec.load().profileRuns().confidenceLevel();
        RunsAggregate aggregate = RunsAggregate.of(runs, level);
        print(aggregate, out);
        Path dir = RunDirectory.createAggregate(spec, LocalDateTime.now());
        try {
            AggregateJsonWriter.write(dir.resolve(AggregateJsonWriter.FILE_NAME), aggregate, ToolInfo.version());
            AggregateCsvWriter.write(dir.resolve(AggregateCsvWriter.FILE_NAME), aggregate);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the aggregate export in " + dir + " failed: " + e.getMessage(), e);
        }
        out.println("# Aggregate: " + dir.toAbsolutePath());
        out.println();
        out.flush();
        return dir;
    }

    static void print(RunsAggregate aggregate, PrintStream out) {
        String level = plain(aggregate.confidenceLevel() * 100) + "%";
        out.println("# Over " + aggregate.runs().size() + " profile runs (" + aggregate.successfulRuns()
                + " successful): mean ± " + level + " confidence interval (Student's t), coefficient of variation");
        for (Map.Entry<String, String> line : PRINTED.entrySet()) {
            RunsAggregate.Metric metric = aggregate.metric(line.getValue());
            if (metric == null) {
                continue;
            }
            RunsInterval interval = metric.interval();
            out.println(String.format(Locale.ROOT, "# %s: %,.2f ± %,.2f (CV %.1f%%, n=%d)", line.getKey(),
                    interval.mean(), interval.halfWidth(), interval.cv() * 100, interval.count()));
        }
    }

    /** A number without trailing zeros: 0.5, 95, 99.9. */
    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
