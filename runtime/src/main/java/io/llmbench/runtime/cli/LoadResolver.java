package io.llmbench.runtime.cli;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.ArrivalPattern;
import io.llmbench.runtime.spec.FixedSchedule;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import java.time.Duration;

/**
 * Resolves the load of one sweep point from the command line's load options, the point's
 * concurrency and rate, and the request counts (command line, then annotation, then defaults).
 */
final class LoadResolver {

    /** AIPerf's default grace period after {@code --benchmark-duration}. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    /** Without a count or duration, an open-loop phase sends this many seconds of its rate (at least 10). */
    static final int DEFAULT_OPEN_LOOP_SECONDS = 10;

    private final LoadOptions.LoadCli cli;

    LoadResolver(LoadOptions.LoadCli cli) {
        this.cli = cli;
    }

    /** The request rates to sweep: those given, or one 0 (closed loop). */
    double[] rates() {
        return cli.requestRates().length > 0 ? cli.requestRates() : new double[] {0};
    }

    /**
     * @param concurrency the point's concurrency
     * @param concurrencyGiven whether the user set a concurrency (in open loop it is then a cap)
     * @param rate the point's request rate, 0 for closed loop
     * @param requestCountSetting the request count given, or {@link LlmBenchmark#UNSET}
     * @param warmupCountSetting the warmup request count given, or {@link LlmBenchmark#UNSET}
     * @param seed the run's random seed
     */
    LoadSpec resolve(int concurrency, boolean concurrencyGiven, double rate, int requestCountSetting,
            int warmupCountSetting, long seed) {
        ArrivalPattern pattern = cli.arrivalPattern() != null ? cli.arrivalPattern() : ArrivalPattern.POISSON;
        double smoothness = cli.arrivalSmoothness() != null ? cli.arrivalSmoothness() : 1;
        boolean burst = rate == 0 && pattern == ArrivalPattern.CONCURRENCY_BURST;
        boolean open = rate > 0 || burst || cli.fixedSchedule();
        if (!open && cli.arrivalPattern() != null) {
            throw new UserInputException("--arrival-pattern " + pattern.cliName() + " spreads --request-rate, which "
                    + "is not set (neither on the command line nor as @Load(requestRate)): add a request rate or "
                    + "drop the pattern");
        }
        int cap = open && !concurrencyGiven ? PhaseLoad.UNLIMITED : concurrency;

        Duration duration = cli.benchmarkDuration();
        int requestCount;
        if (requestCountSetting != LlmBenchmark.UNSET) {
            requestCount = requestCountSetting;
        } else if (duration != null || cli.fixedSchedule()) {
            requestCount = PhaseLoad.UNLIMITED;
        } else if (rate > 0) {
            requestCount = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(10, Math.ceil(rate * DEFAULT_OPEN_LOOP_SECONDS)));
        } else if (burst && cap == PhaseLoad.UNLIMITED) {
            throw new UserInputException("--arrival-pattern concurrency_burst without --concurrency releases every "
                    + "request at once: give --request-count (or --benchmark-duration) to say how many");
        } else {
            requestCount = Math.max(10, 10 * concurrency);
        }
        Duration grace = duration == null ? null : grace(cli.gracePeriod(), DEFAULT_GRACE);
        int prefill = cli.prefillConcurrency() == null ? PhaseLoad.UNLIMITED : cli.prefillConcurrency();
        PhaseLoad profiling = new PhaseLoad(cap, requestCount, rate, pattern, smoothness, duration, grace,
                cli.concurrencyRamp(), cli.requestRateRamp(), prefill);
        if (cli.concurrencyRamp() != null && cap == PhaseLoad.UNLIMITED) {
            throw new UserInputException("--concurrency-ramp-duration ramps --concurrency, which is not set "
                    + "(neither on the command line nor as @LlmBenchmark(concurrency)): add a concurrency or drop the "
                    + "ramp (it may come from @Load(concurrencyRampDuration))");
        }

        int warmupCount;
        Duration warmupDuration = cli.warmupDuration();
        if (warmupCountSetting != LlmBenchmark.UNSET) {
            warmupCount = warmupCountSetting;
        } else {
            warmupCount = warmupDuration != null ? PhaseLoad.UNLIMITED : 0;
        }
        double warmupRate = cli.warmupRequestRate() != null ? cli.warmupRequestRate() : cli.fixedSchedule() ? 0 : rate;
        ArrivalPattern warmupPattern = cli.warmupArrivalPattern() != null ? cli.warmupArrivalPattern() : pattern;
        boolean warmupOpen = warmupRate > 0
                || warmupRate == 0 && warmupPattern == ArrivalPattern.CONCURRENCY_BURST;
        int warmupConcurrency = cli.warmupConcurrency() != null ? cli.warmupConcurrency() : concurrency;
        int warmupCap = warmupOpen && cli.warmupConcurrency() == null && !concurrencyGiven
                ? PhaseLoad.UNLIMITED : warmupConcurrency;
        if (warmupCap == PhaseLoad.UNLIMITED && warmupCount == PhaseLoad.UNLIMITED && warmupRate == 0) {
            throw new UserInputException("a warmup burst without a concurrency limit and without a request count "
                    + "would never end: give --warmup-concurrency or --warmup-request-count");
        }
        PhaseLoad warmup = new PhaseLoad(warmupCap, warmupCount, warmupRate, warmupPattern, smoothness,
                warmupDuration, warmupDuration == null ? null : grace(cli.warmupGracePeriod(), null), null, null,
                prefill);

        FixedSchedule fixed = cli.fixedSchedule()
                ? new FixedSchedule(true, cli.fixedScheduleAutoOffset(), cli.fixedScheduleStartOffsetMs(),
                        cli.fixedScheduleEndOffsetMs())
                : FixedSchedule.off();
        return new LoadSpec(cap, requestCount, warmupCount == PhaseLoad.UNLIMITED ? 0 : warmupCount, profiling,
                warmup, cli.cancellationRate() == null ? 0 : cli.cancellationRate(),
                cli.cancellationDelay() == null ? Duration.ZERO : cli.cancellationDelay(),
                cli.numProfileRuns() == null ? 1 : cli.numProfileRuns(), fixed, seed);
    }

    /** {@code null} means wait for all; {@link LoadOptions#WAIT_FOR_ALL} given on the command line means the same. */
    private static Duration grace(Duration given, Duration fallback) {
        if (given == null) {
            return fallback;
        }
        return given == LoadOptions.WAIT_FOR_ALL ? null : given;
    }
}
