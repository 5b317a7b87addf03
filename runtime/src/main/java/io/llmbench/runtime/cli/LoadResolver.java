package io.llmbench.runtime.cli;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.ArrivalPattern;
import io.llmbench.runtime.spec.FixedSchedule;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import io.llmbench.runtime.spec.SessionLoad;
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
    private final SessionOptions.SessionCli sessions;

    LoadResolver(LoadOptions.LoadCli cli) {
        this(cli, SessionOptions.SessionCli.none());
    }

    LoadResolver(LoadOptions.LoadCli cli, SessionOptions.SessionCli sessions) {
        this.cli = cli;
        this.sessions = sessions;
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
        boolean userCentric = sessions.userCentricRate() != null;
        if (userCentric && (open || cli.requestRateRamp() != null)) {
            throw new UserInputException("--user-centric-rate spaces each user's turns by itself, so it cannot be "
                    + "combined with a request rate, arrival pattern, rate ramp or fixed schedule (here from "
                    + "@Load): drop one of them");
        }
        // User-centric users send on their own schedules; a concurrency given is a ceiling over them, as in AIPerf.
        int cap = (open || userCentric) && !concurrencyGiven ? PhaseLoad.UNLIMITED : concurrency;

        Duration duration = cli.benchmarkDuration();
        int requestCount;
        if (sessions.sessions() != null) {
            // --conversation-num is the stop condition instead of a request count (the annotation's too).
            requestCount = PhaseLoad.UNLIMITED;
        } else if (requestCountSetting != LlmBenchmark.UNSET) {
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
        // AIPerf waits for every user-centric turn by default: a cut-off turn would end its user's session early.
        Duration grace = duration == null ? null : grace(cli.gracePeriod(), userCentric ? null : DEFAULT_GRACE);
        int prefill = cli.prefillConcurrency() == null ? PhaseLoad.UNLIMITED : cli.prefillConcurrency();
        if (sessions.prefillConcurrencyRamp() != null && prefill == PhaseLoad.UNLIMITED) {
            throw new UserInputException("--" + SessionOptions.PREFILL_CONCURRENCY_RAMP + " ramps "
                    + "--prefill-concurrency, which is not set: add a prefill limit or drop the ramp");
        }
        PhaseLoad profiling = new PhaseLoad(cap, requestCount, rate, pattern, smoothness, duration, grace,
                cli.concurrencyRamp(), cli.requestRateRamp(), prefill, sessions.prefillConcurrencyRamp());
        if (cli.concurrencyRamp() != null && cap == PhaseLoad.UNLIMITED) {
            throw new UserInputException("--concurrency-ramp-duration ramps --concurrency, which is not set "
                    + "(neither on the command line nor as @LlmBenchmark(concurrency)): add a concurrency or drop the "
                    + "ramp (it may come from @Load(concurrencyRampDuration))");
        }

        int warmupCount;
        Duration warmupDuration = cli.warmupDuration();
        if (sessions.warmupSessions() != null) {
            // --num-warmup-sessions replaces an annotated warmup request count as the stop condition.
            warmupCount = PhaseLoad.UNLIMITED;
        } else if (warmupCountSetting != LlmBenchmark.UNSET) {
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
        if (warmupCap == PhaseLoad.UNLIMITED && warmupCount == PhaseLoad.UNLIMITED && warmupRate == 0
                && sessions.warmupSessions() == null) {
            throw new UserInputException("a warmup burst without a concurrency limit and without a request count "
                    + "would never end: give --warmup-concurrency or --warmup-request-count");
        }
        // As in AIPerf, the warmup's ramps and prefill limit fall back to the profiling ones.
        Duration warmupConcurrencyRamp = sessions.warmupConcurrencyRamp() != null ? sessions.warmupConcurrencyRamp()
                : warmupCap == PhaseLoad.UNLIMITED ? null : cli.concurrencyRamp();
        if (warmupConcurrencyRamp != null && warmupCap == PhaseLoad.UNLIMITED) {
            throw new UserInputException("--" + SessionOptions.WARMUP_CONCURRENCY_RAMP + " ramps the warmup's "
                    + "concurrency, which is not set: add --warmup-concurrency or --concurrency, or drop the ramp");
        }
        Duration warmupRateRamp = sessions.warmupRequestRateRamp() != null ? sessions.warmupRequestRateRamp()
                : warmupRate > 0 ? cli.requestRateRamp() : null;
        if (warmupRateRamp != null && !(warmupRate > 0)) {
            throw new UserInputException("--" + SessionOptions.WARMUP_REQUEST_RATE_RAMP + " ramps the warmup's "
                    + "request rate, which is not set: add --warmup-request-rate or --request-rate, or drop the ramp");
        }
        int warmupPrefill = sessions.warmupPrefillConcurrency() != null ? sessions.warmupPrefillConcurrency() : prefill;
        Duration warmupPrefillRamp = sessions.warmupPrefillConcurrencyRamp() != null
                ? sessions.warmupPrefillConcurrencyRamp()
                : warmupPrefill == PhaseLoad.UNLIMITED ? null : sessions.prefillConcurrencyRamp();
        if (warmupPrefillRamp != null && warmupPrefill == PhaseLoad.UNLIMITED) {
            throw new UserInputException("--" + SessionOptions.WARMUP_PREFILL_CONCURRENCY_RAMP + " ramps the warmup's "
                    + "prefill limit, which is not set: add --warmup-prefill-concurrency or --prefill-concurrency, or "
                    + "drop the ramp");
        }
        PhaseLoad warmup = new PhaseLoad(warmupCap, warmupCount, warmupRate, warmupPattern, smoothness,
                warmupDuration, warmupDuration == null ? null : grace(cli.warmupGracePeriod(), null),
                warmupConcurrencyRamp, warmupRateRamp, warmupPrefill, warmupPrefillRamp);
        SessionLoad sessionLoad = new SessionLoad(
                sessions.sessions() == null ? PhaseLoad.UNLIMITED : sessions.sessions(),
                sessions.warmupSessions() == null ? PhaseLoad.UNLIMITED : sessions.warmupSessions(),
                userCentric ? sessions.userCentricRate() : 0, userCentric ? sessions.numUsers() : 0);

        FixedSchedule fixed = cli.fixedSchedule()
                ? new FixedSchedule(true, cli.fixedScheduleAutoOffset(), cli.fixedScheduleStartOffsetMs(),
                        cli.fixedScheduleEndOffsetMs())
                : FixedSchedule.off();
        return new LoadSpec(cap, requestCount, warmupCount == PhaseLoad.UNLIMITED ? 0 : warmupCount, profiling,
                warmup, cli.cancellationRate() == null ? 0 : cli.cancellationRate(),
                cli.cancellationDelay() == null ? Duration.ZERO : cli.cancellationDelay(),
                cli.numProfileRuns() == null ? 1 : cli.numProfileRuns(), fixed, seed, sessionLoad);
    }

    /** {@code null} means wait for all; {@link LoadOptions#WAIT_FOR_ALL} given on the command line means the same. */
    private static Duration grace(Duration given, Duration fallback) {
        if (given == null) {
            return fallback;
        }
        return given == LoadOptions.WAIT_FOR_ALL ? null : given;
    }
}
