package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.ArrivalPattern;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The load options (AIPerf's names, and AIPerf's older names as aliases): request rate and arrival
 * pattern, duration and grace period, warmup settings, ramps, cancellation, multiple runs and fixed
 * schedules. Documented in {@code docs/cli.md}, section "Load".
 */
final class LoadOptions {

    static final String REQUEST_RATE = "request-rate";
    static final String ARRIVAL_PATTERN = "arrival-pattern";
    static final String REQUEST_RATE_MODE = "request-rate-mode";
    static final String ARRIVAL_SMOOTHNESS = "arrival-smoothness";
    static final String VLLM_BURSTINESS = "vllm-burstiness";
    static final String NUM_REQUESTS = "num-requests";
    static final String NUM_WARMUP_REQUESTS = "num-warmup-requests";
    static final String BENCHMARK_DURATION = "benchmark-duration";
    static final String BENCHMARK_GRACE_PERIOD = "benchmark-grace-period";
    static final String WARMUP_DURATION = "warmup-duration";
    static final String WARMUP_CONCURRENCY = "warmup-concurrency";
    static final String WARMUP_REQUEST_RATE = "warmup-request-rate";
    static final String WARMUP_ARRIVAL_PATTERN = "warmup-arrival-pattern";
    static final String WARMUP_GRACE_PERIOD = "warmup-grace-period";
    static final String CONCURRENCY_RAMP = "concurrency-ramp-duration";
    static final String REQUEST_RATE_RAMP = "request-rate-ramp-duration";
    static final String CANCELLATION_RATE = "request-cancellation-rate";
    static final String CANCELLATION_DELAY = "request-cancellation-delay";
    static final String NUM_PROFILE_RUNS = "num-profile-runs";
    static final String PREFILL_CONCURRENCY = "prefill-concurrency";
    static final String FIXED_SCHEDULE = "fixed-schedule";
    static final String FIXED_SCHEDULE_AUTO_OFFSET = "fixed-schedule-auto-offset";
    static final String FIXED_SCHEDULE_START_OFFSET = "fixed-schedule-start-offset";
    static final String FIXED_SCHEDULE_END_OFFSET = "fixed-schedule-end-offset";

    /** A grace period of {@code inf}: wait for every request. */
    static final Duration WAIT_FOR_ALL = Duration.ofSeconds(Long.MAX_VALUE);

    /** AIPerf's bound on {@code --num-profile-runs}. */
    static final int MAX_PROFILE_RUNS = 10;

    private LoadOptions() {
    }

    static void addTo(Options options) {
        options.addOption(valued(REQUEST_RATE, "R[,R...]",
                "Open loop: requests per second (fractions allowed); a comma-separated list is a sweep."));
        options.addOption(valued(ARRIVAL_PATTERN, "PATTERN",
                "Gaps between open-loop requests: constant, poisson, gamma or concurrency_burst. Default: poisson."));
        options.addOption(valued(REQUEST_RATE_MODE, "PATTERN", "Alias of --" + ARRIVAL_PATTERN + "."));
        options.addOption(valued(ARRIVAL_SMOOTHNESS, "K",
                "Gamma shape of --arrival-pattern gamma: 1 = Poisson, < 1 burstier, > 1 smoother. Default: 1."));
        options.addOption(valued(VLLM_BURSTINESS, "K", "Alias of --" + ARRIVAL_SMOOTHNESS + "."));
        options.addOption(valued(NUM_REQUESTS, "N", "Alias of --request-count."));
        options.addOption(valued(NUM_WARMUP_REQUESTS, "N", "Alias of --warmup-request-count."));
        options.addOption(valued(BENCHMARK_DURATION, "SECONDS",
                "Send requests for this long (then the grace period, then cancel what is left)."));
        options.addOption(valued(BENCHMARK_GRACE_PERIOD, "SECONDS|inf",
                "How long requests in flight at the end of --benchmark-duration may finish. Default: 30."));
        options.addOption(valued(WARMUP_DURATION, "SECONDS", "Warmup: send requests for this long."));
        options.addOption(valued(WARMUP_CONCURRENCY, "N", "Warmup concurrency. Default: --concurrency."));
        options.addOption(valued(WARMUP_REQUEST_RATE, "R", "Warmup request rate. Default: --request-rate."));
        options.addOption(valued(WARMUP_ARRIVAL_PATTERN, "PATTERN",
                "Warmup arrival pattern. Default: --arrival-pattern."));
        options.addOption(valued(WARMUP_GRACE_PERIOD, "SECONDS|inf",
                "How long warmup requests in flight at the end of --warmup-duration may finish. Default: inf."));
        options.addOption(valued(CONCURRENCY_RAMP, "SECONDS",
                "Raise concurrency from 1 to --concurrency over this long."));
        options.addOption(valued(REQUEST_RATE_RAMP, "SECONDS",
                "Raise the request rate from a small fraction to --request-rate over this long."));
        options.addOption(valued(CANCELLATION_RATE, "PERCENT",
                "Cancel this percentage (0-100) of requests on purpose, --request-cancellation-delay after sending."));
        options.addOption(valued(CANCELLATION_DELAY, "SECONDS",
                "How long after sending a request chosen for cancellation is cancelled. Default: 0."));
        options.addOption(valued(NUM_PROFILE_RUNS, "N",
                "Run the profiling phase N times (1-10) and report mean and confidence interval "
                        + "(see --confidence-level). Default: 1."));
        options.addOption(valued(PREFILL_CONCURRENCY, "N",
                "At most N requests waiting for their first token (first stream event)."));
        options.addOption(Option.builder().longOpt(FIXED_SCHEDULE)
                .desc("Send each dataset entry at its timestamp (trace replay).").get());
        options.addOption(Option.builder().longOpt(FIXED_SCHEDULE_AUTO_OFFSET)
                .desc("Fixed schedule: shift timestamps so that the first is sent at once.").get());
        options.addOption(valued(FIXED_SCHEDULE_START_OFFSET, "MS",
                "Fixed schedule: skip entries before this timestamp; the replay starts there."));
        options.addOption(valued(FIXED_SCHEDULE_END_OFFSET, "MS", "Fixed schedule: skip entries after this timestamp."));
    }

    static LoadCli parse(CommandLine line) {
        sameOption(line, CliOptions.REQUEST_COUNT, NUM_REQUESTS);
        sameOption(line, CliOptions.WARMUP_REQUEST_COUNT, NUM_WARMUP_REQUESTS);
        ArrivalPattern pattern = pattern(line, ARRIVAL_PATTERN, REQUEST_RATE_MODE);
        Double smoothness = positiveDecimal(line, aliased(line, ARRIVAL_SMOOTHNESS, VLLM_BURSTINESS));
        if (smoothness != null) {
            if (pattern == null) {
                pattern = ArrivalPattern.GAMMA;
            } else if (pattern != ArrivalPattern.GAMMA) {
                throw new UserInputException("--" + ARRIVAL_SMOOTHNESS + " shapes --arrival-pattern gamma only, but the "
                        + "pattern is " + pattern.cliName() + ": drop one of them");
            }
        }
        double[] rates = rates(line);
        Duration duration = seconds(line, BENCHMARK_DURATION, false);
        Duration grace = graceSeconds(line, BENCHMARK_GRACE_PERIOD);
        Duration warmupDuration = seconds(line, WARMUP_DURATION, false);
        Duration warmupGrace = graceSeconds(line, WARMUP_GRACE_PERIOD);
        Duration rateRamp = seconds(line, REQUEST_RATE_RAMP, false);
        Double cancellationRate = null;
        if (line.hasOption(CANCELLATION_RATE)) {
            String value = line.getOptionValue(CANCELLATION_RATE);
            double percent = decimal(CANCELLATION_RATE, value);
            if (!(percent > 0 && percent <= 100)) {
                throw new UserInputException("--" + CANCELLATION_RATE + " '" + value
                        + "' must be a percentage > 0 and ≤ 100, e.g. 10");
            }
            cancellationRate = percent;
        }
        Duration cancellationDelay = seconds(line, CANCELLATION_DELAY, true);
        Integer runs = integer(line, NUM_PROFILE_RUNS, 1);
        if (runs != null && runs > MAX_PROFILE_RUNS) {
            throw new UserInputException("--" + NUM_PROFILE_RUNS + " '" + runs + "' must be from 1 to "
                    + MAX_PROFILE_RUNS);
        }
        boolean fixed = line.hasOption(FIXED_SCHEDULE);
        boolean autoOffset = line.hasOption(FIXED_SCHEDULE_AUTO_OFFSET);
        Integer start = integer(line, FIXED_SCHEDULE_START_OFFSET, 0);
        Integer end = integer(line, FIXED_SCHEDULE_END_OFFSET, 0);
        if (autoOffset && start != null) {
            throw new UserInputException("--" + FIXED_SCHEDULE_AUTO_OFFSET + " and --" + FIXED_SCHEDULE_START_OFFSET
                    + " both say where the replay starts: give one of them");
        }
        if (start != null && end != null && start > end) {
            throw new UserInputException("--" + FIXED_SCHEDULE_START_OFFSET + " " + start + " is after --"
                    + FIXED_SCHEDULE_END_OFFSET + " " + end + ": the start must not be later than the end");
        }
        if (fixed && rates.length > 0) {
            throw new UserInputException("--" + FIXED_SCHEDULE + " sends at the dataset's timestamps, so it cannot "
                    + "be combined with --" + REQUEST_RATE + ": drop one of them");
        }
        return new LoadCli(rates, pattern, smoothness, duration, grace, warmupDuration,
                integer(line, WARMUP_CONCURRENCY, 1), positiveDecimal(line, WARMUP_REQUEST_RATE),
                pattern(line, WARMUP_ARRIVAL_PATTERN, null), warmupGrace, seconds(line, CONCURRENCY_RAMP, false),
                rateRamp, cancellationRate, cancellationDelay, runs, fixed, autoOffset,
                start == null ? -1 : start, end == null ? -1 : end,
                integer(line, NUM_REQUESTS, 1), integer(line, NUM_WARMUP_REQUESTS, 0),
                integer(line, PREFILL_CONCURRENCY, 1));
    }

    /**
     * The checks of settings that need another, run once {@code @Load} is merged in (the annotation
     * may give what an option needs).
     */
    static void checkNeeded(LoadCli load) {
        if (!load.fixedSchedule() && (load.fixedScheduleAutoOffset() || load.fixedScheduleStartOffsetMs() >= 0
                || load.fixedScheduleEndOffsetMs() >= 0)) {
            throw new UserInputException("the --fixed-schedule-* offsets apply only with --" + FIXED_SCHEDULE
                    + ": add it or drop them");
        }
        // Checked once the annotation is merged in: @Warmup(duration) satisfies --warmup-grace-period.
        if (load.warmupGracePeriod() != null && load.warmupDuration() == null) {
            throw new UserInputException("--" + WARMUP_GRACE_PERIOD + " applies only with --" + WARMUP_DURATION
                    + " (or @Warmup(duration)): add a warmup duration or drop the grace period");
        }
        if (load.gracePeriod() != null && load.benchmarkDuration() == null) {
            throw new UserInputException("--" + BENCHMARK_GRACE_PERIOD + " applies only with --" + BENCHMARK_DURATION
                    + ": add a duration or drop the grace period");
        }
        if (load.requestRateRamp() != null && load.requestRates().length == 0) {
            throw new UserInputException("--" + REQUEST_RATE_RAMP + " ramps --request-rate, which is not set: "
                    + "add a request rate or drop the ramp");
        }
        if (load.cancellationDelay() != null && load.cancellationRate() == null) {
            throw new UserInputException("--" + CANCELLATION_DELAY + " needs --" + CANCELLATION_RATE
                    + " (which requests to cancel): add it or drop the delay");
        }
    }

    private static Option valued(String longName, String argName, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(argName).desc(description).get();
    }

    private static void sameOption(CommandLine line, String option, String alias) {
        if (line.hasOption(option) && line.hasOption(alias)) {
            throw new UserInputException("--" + option + " and --" + alias + " are the same option: give one of them");
        }
    }

    private static String aliased(CommandLine line, String option, String alias) {
        if (line.hasOption(option) && line.hasOption(alias)) {
            throw new UserInputException("--" + option + " and --" + alias + " are the same option: give one of them");
        }
        return line.hasOption(alias) ? alias : option;
    }

    private static ArrivalPattern pattern(CommandLine line, String option, String alias) {
        String name = alias == null ? option : aliased(line, option, alias);
        String value = line.getOptionValue(name);
        if (value == null) {
            return null;
        }
        ArrivalPattern pattern = ArrivalPattern.fromCliName(value);
        if (pattern == null) {
            throw new UserInputException("--" + name + " '" + value
                    + "' is not an arrival pattern: use constant, poisson, gamma or concurrency_burst");
        }
        return pattern;
    }

    private static double[] rates(CommandLine line) {
        String value = line.getOptionValue(REQUEST_RATE);
        if (value == null) {
            return new double[0];
        }
        String[] parts = value.split(",", -1);
        double[] rates = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            double rate;
            try {
                rate = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("--" + REQUEST_RATE + " '" + value
                        + "' must be a number of requests per second > 0, or a comma-separated list, e.g. 5,10,20");
            }
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new UserInputException("--" + REQUEST_RATE + " '" + value + "' must hold numbers > 0");
            }
            rates[i] = rate;
        }
        if (Arrays.stream(rates).distinct().count() != rates.length) {
            throw new UserInputException("--" + REQUEST_RATE + " '" + value + "' lists a value twice: list each once");
        }
        return rates;
    }

    static Duration seconds(CommandLine line, String option, boolean zeroAllowed) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        double seconds = decimal(option, value);
        if (!(zeroAllowed ? seconds >= 0 : seconds > 0) || Double.isInfinite(seconds)) {
            throw new UserInputException("--" + option + " '" + value + "' must be a number of seconds "
                    + (zeroAllowed ? "≥ 0" : "> 0"));
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static Duration graceSeconds(CommandLine line, String option) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (word.equals("inf") || word.equals("infinity")) {
            return WAIT_FOR_ALL;
        }
        return seconds(line, option, true);
    }

    static Double positiveDecimal(CommandLine line, String option) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        double number = decimal(option, value);
        if (!(number > 0) || Double.isInfinite(number)) {
            throw new UserInputException("--" + option + " '" + value + "' must be a number > 0");
        }
        return number;
    }

    static Integer integer(CommandLine line, String option, int min) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("--" + option + " '" + value + "' is not a whole number");
        }
        if (number < min) {
            throw new UserInputException("--" + option + " '" + value + "' must be a whole number ≥ " + min);
        }
        return number;
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("--" + option + " '" + value + "' is not a number");
        }
    }

    /**
     * The load options given; {@code null} (or an empty array, or -1 for offsets) where not given.
     *
     * @param gracePeriod {@link #WAIT_FOR_ALL} for {@code inf}
     */
    record LoadCli(
            double[] requestRates,
            ArrivalPattern arrivalPattern,
            Double arrivalSmoothness,
            Duration benchmarkDuration,
            Duration gracePeriod,
            Duration warmupDuration,
            Integer warmupConcurrency,
            Double warmupRequestRate,
            ArrivalPattern warmupArrivalPattern,
            Duration warmupGracePeriod,
            Duration concurrencyRamp,
            Duration requestRateRamp,
            Double cancellationRate,
            Duration cancellationDelay,
            Integer numProfileRuns,
            boolean fixedSchedule,
            boolean fixedScheduleAutoOffset,
            long fixedScheduleStartOffsetMs,
            long fixedScheduleEndOffsetMs,
            Integer numRequests,
            Integer numWarmupRequests,
            Integer prefillConcurrency) {

        /** No load option given. */
        static LoadCli none() {
            return new LoadCli(new double[0], null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, false, false, -1, -1, null, null, null);
        }
    }
}
