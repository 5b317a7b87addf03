package io.llmbench.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of {@code @Load}'s attributes: the ranges the command line's load options accept, and
 * the settings that need another (a grace period needs a duration, and so on), as the command line
 * rejects them.
 */
final class LoadRules {

    /** The command line's bound on {@code --num-profile-runs}. */
    static final int MAX_PROFILE_RUNS = 10;

    private LoadRules() {
    }

    /** Every problem with one written {@code @Load} attribute. */
    static List<AttributeProblem> check(WrittenAttribute written) {
        Attribute attribute = written.attribute();
        switch (attribute) {
            case REQUEST_RATE:
                return checkRates(written);
            case ARRIVAL_PATTERN:
                return "UNSET".equals(written.value())
                        ? List.of(AttributeProblem.whole(ErrorMessages.ARRIVAL_PATTERN_UNSET)) : List.of();
            case ARRIVAL_SMOOTHNESS:
                return positive(attribute, (Double) written.value(), "1, Poisson-like");
            case BENCHMARK_DURATION:
                return positive(attribute, (Double) written.value(), "stop by request count");
            case CONCURRENCY_RAMP_DURATION:
            case REQUEST_RATE_RAMP_DURATION:
                return positive(attribute, (Double) written.value(), "no ramp");
            case BENCHMARK_GRACE_PERIOD: {
                double seconds = (Double) written.value();
                return seconds >= 0 ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.GRACE_PERIOD_NEGATIVE, seconds));
            }
            case REQUEST_CANCELLATION_DELAY: {
                double seconds = (Double) written.value();
                return seconds >= 0 && Double.isFinite(seconds) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.CANCELLATION_DELAY_NEGATIVE, seconds));
            }
            case REQUEST_CANCELLATION_RATE: {
                double percent = (Double) written.value();
                return percent > 0 && percent <= 100 ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.CANCELLATION_RATE_NOT_PERCENT, percent));
            }
            case PREFILL_CONCURRENCY:
                return AttributeRules.checkMinimum(attribute, (Integer) written.value(), 1);
            case NUM_PROFILE_RUNS: {
                int runs = (Integer) written.value();
                return runs > MAX_PROFILE_RUNS
                        ? List.of(AttributeProblem.whole(ErrorMessages.PROFILE_RUNS_TOO_MANY, runs, MAX_PROFILE_RUNS))
                        : AttributeRules.checkMinimum(attribute, runs, 1);
            }
            case FIXED_SCHEDULE:
                return written.booleans().size() == 1 ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.FIXED_SCHEDULE_ONE_VALUE,
                                written.booleans().size()));
            case WARMUP_DURATION:
                return positive(attribute, (Double) written.value(), "stop by warmup request count");
            case WARMUP_REQUEST_RATE: {
                double rate = (Double) written.value();
                return rate > 0 && Double.isFinite(rate) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.LOAD_NOT_POSITIVE, "requestRate", rate,
                                "requestRate", "the profiling rate"));
            }
            case WARMUP_CONCURRENCY:
                return AttributeRules.checkMinimum(attribute, (Integer) written.value(), 1);
            case WARMUP_ARRIVAL_PATTERN:
                return "UNSET".equals(written.value())
                        ? List.of(AttributeProblem.whole(ErrorMessages.WARMUP_PATTERN_UNSET)) : List.of();
            case WARMUP_GRACE_PERIOD: {
                double seconds = (Double) written.value();
                return seconds >= 0 ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.WARMUP_GRACE_NEGATIVE, seconds));
            }
            case FIXED_SCHEDULE_AUTO_OFFSET:
                return EndpointRules.oneFlag(written);
            case FIXED_SCHEDULE_START_OFFSET:
            case FIXED_SCHEDULE_END_OFFSET:
                return AttributeRules.checkMinimum(attribute, (Integer) written.value(), 0);
            default:
                throw new AssertionError("not a @Load attribute: " + attribute);
        }
    }

    /** Contradictions between the merged {@code @Load} settings of a class and its superclasses. */
    static void checkCombinations(Map<String, Located> merged, List<CompileError> errors) {
        Located smoothness = merged.get(Attribute.ARRIVAL_SMOOTHNESS.methodName());
        Located pattern = merged.get(Attribute.ARRIVAL_PATTERN.methodName());
        if (smoothness != null && pattern != null && !"GAMMA".equals(pattern.written().value())) {
            errors.add(smoothness.error(String.format(ErrorMessages.SMOOTHNESS_NOT_GAMMA, pattern.written().value())));
        }
        Located fixed = merged.get(Attribute.FIXED_SCHEDULE.methodName());
        if (fixed != null && fixed.written().booleans().contains(Boolean.TRUE)
                && merged.containsKey(Attribute.REQUEST_RATE.methodName())) {
            errors.add(fixed.error(ErrorMessages.FIXED_SCHEDULE_WITH_RATE));
        }
        boolean fixedSchedule = fixed != null && fixed.written().booleans().contains(Boolean.TRUE);
        // UNSET is reported on its own; a burst needs no rate.
        if (pattern != null && !List.of("CONCURRENCY_BURST", "UNSET").contains(pattern.written().value())
                && !fixedSchedule
                && !merged.containsKey(Attribute.REQUEST_RATE.methodName())) {
            errors.add(pattern.error(String.format(ErrorMessages.PATTERN_WITHOUT_RATE, pattern.written().value())));
        }
        needs(merged, Attribute.BENCHMARK_GRACE_PERIOD, Attribute.BENCHMARK_DURATION,
                ErrorMessages.GRACE_WITHOUT_DURATION, errors);
        needs(merged, Attribute.WARMUP_GRACE_PERIOD, Attribute.WARMUP_DURATION,
                ErrorMessages.WARMUP_GRACE_WITHOUT_DURATION, errors);
        for (Attribute offset : List.of(Attribute.FIXED_SCHEDULE_AUTO_OFFSET, Attribute.FIXED_SCHEDULE_START_OFFSET,
                Attribute.FIXED_SCHEDULE_END_OFFSET)) {
            Located located = merged.get(offset.methodName());
            if (located != null && !fixedSchedule) {
                errors.add(located.error(String.format(ErrorMessages.OFFSET_WITHOUT_FIXED_SCHEDULE,
                        offset.memberName(), offset.memberName())));
            }
        }
        Located auto = merged.get(Attribute.FIXED_SCHEDULE_AUTO_OFFSET.methodName());
        Located start = merged.get(Attribute.FIXED_SCHEDULE_START_OFFSET.methodName());
        Located end = merged.get(Attribute.FIXED_SCHEDULE_END_OFFSET.methodName());
        if (auto != null && start != null && auto.written().booleans().contains(Boolean.TRUE)) {
            errors.add(start.error(ErrorMessages.AUTO_OFFSET_WITH_START));
        }
        if (start != null && end != null && (Integer) start.written().value() > (Integer) end.written().value()) {
            errors.add(start.error(String.format(ErrorMessages.START_AFTER_END, start.written().value(),
                    end.written().value())));
        }
        needs(merged, Attribute.REQUEST_CANCELLATION_DELAY, Attribute.REQUEST_CANCELLATION_RATE,
                ErrorMessages.DELAY_WITHOUT_CANCELLATION, errors);
        needs(merged, Attribute.REQUEST_RATE_RAMP_DURATION, Attribute.REQUEST_RATE,
                ErrorMessages.RATE_RAMP_WITHOUT_RATE, errors);
    }

    private static void needs(Map<String, Located> merged, Attribute setting, Attribute needed, String message,
            List<CompileError> errors) {
        Located located = merged.get(setting.methodName());
        if (located != null && !merged.containsKey(needed.methodName())) {
            errors.add(located.error(message));
        }
    }

    private static List<AttributeProblem> checkRates(WrittenAttribute written) {
        List<AttributeProblem> problems = new ArrayList<>(
                AttributeRules.checkList(written.attribute(), written.doubles(), null));
        List<Double> rates = written.doubles();
        for (int i = 0; i < rates.size(); i++) {
            double rate = rates.get(i);
            if (!(rate > 0) || Double.isInfinite(rate)) {
                problems.add(AttributeProblem.atElement(i, ErrorMessages.REQUEST_RATE_NOT_POSITIVE, rate));
            }
        }
        return problems;
    }

    private static List<AttributeProblem> positive(Attribute attribute, double value, String byDefault) {
        return value > 0 && Double.isFinite(value) ? List.of()
                : List.of(AttributeProblem.whole(ErrorMessages.LOAD_NOT_POSITIVE, attribute.memberName(), value,
                        attribute.memberName(), byDefault));
    }
}
