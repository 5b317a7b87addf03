package io.llmbench.processor;

import java.util.List;
import java.util.Map;

/**
 * The rules of the session and prefill-ramp attributes of {@code @Load} and {@code @Warmup}: the ranges
 * the command line's session options accept ({@code docs/cli.md}, "Sessions, user-centric rate and
 * warmup load"), and the settings they need or exclude, as the command line refuses them.
 */
final class SessionLoadRules {

    /** Settings that pace requests by themselves, so that user-centric mode cannot take them as well. */
    /** What user-centric users' own pacing contradicts; a concurrency is a ceiling over them, as in AIPerf. */
    private static final List<Attribute> PACED_BY_USERS = List.of(Attribute.REQUEST_RATE, Attribute.ARRIVAL_PATTERN,
            Attribute.ARRIVAL_SMOOTHNESS, Attribute.REQUEST_RATE_RAMP_DURATION, Attribute.FIXED_SCHEDULE);

    private SessionLoadRules() {
    }

    /** Every problem with one written session or prefill-ramp attribute. */
    static List<AttributeProblem> check(WrittenAttribute written) {
        Attribute attribute = written.attribute();
        switch (attribute) {
            case CONVERSATION_NUM:
            case NUM_USERS:
            case WARMUP_NUM_SESSIONS:
            case WARMUP_PREFILL_CONCURRENCY:
                return AttributeRules.checkMinimum(attribute, (Integer) written.value(), 1);
            case USER_CENTRIC_RATE:
                return positive(attribute, (Double) written.value(), "off");
            case PREFILL_CONCURRENCY_RAMP_DURATION:
                return positive(attribute, (Double) written.value(), "no ramp");
            case WARMUP_CONCURRENCY_RAMP_DURATION:
            case WARMUP_REQUEST_RATE_RAMP_DURATION:
            case WARMUP_PREFILL_CONCURRENCY_RAMP_DURATION:
                return positive(attribute, (Double) written.value(), "the profiling ramp");
            default:
                throw new AssertionError("not a session attribute: " + attribute);
        }
    }

    /** Contradictions between the merged settings of a class and its superclasses. */
    static void checkCombinations(Map<String, Located> merged, List<CompileError> errors) {
        Located sessions = merged.get(Attribute.CONVERSATION_NUM.methodName());
        if (sessions != null && merged.containsKey(Attribute.REQUEST_COUNT.methodName())) {
            errors.add(sessions.error(String.format(ErrorMessages.SESSIONS_WITH_REQUEST_COUNT, "conversationNum",
                    "conversationNum")));
        }
        Located warmupSessions = merged.get(Attribute.WARMUP_NUM_SESSIONS.methodName());
        if (warmupSessions != null && merged.containsKey(Attribute.WARMUP_COUNT.methodName())) {
            errors.add(warmupSessions.error(ErrorMessages.WARMUP_SESSIONS_WITH_REQUEST_COUNT));
        }
        Located rate = merged.get(Attribute.USER_CENTRIC_RATE.methodName());
        Located users = merged.get(Attribute.NUM_USERS.methodName());
        if (rate != null && users == null) {
            errors.add(rate.error(ErrorMessages.USER_CENTRIC_WITHOUT_USERS));
        }
        if (users != null && rate == null) {
            errors.add(users.error(ErrorMessages.USERS_WITHOUT_USER_CENTRIC));
        }
        if (rate != null) {
            for (Attribute paced : PACED_BY_USERS) {
                Located other = merged.get(paced.methodName());
                // fixedSchedule = false schedules nothing.
                if (other != null && !(paced == Attribute.FIXED_SCHEDULE
                        && !other.written().booleans().contains(Boolean.TRUE))) {
                    errors.add(rate.error(String.format(ErrorMessages.USER_CENTRIC_WITH,
                            describe(other.written().attribute()), describe(other.written().attribute()))));
                }
            }
            Located ramp = merged.get(Attribute.CONCURRENCY_RAMP_DURATION.methodName());
            if (ramp != null && !merged.containsKey(Attribute.CONCURRENCY.methodName())) {
                errors.add(ramp.error(ErrorMessages.USER_CENTRIC_CONCURRENCY_RAMP_WITHOUT_CONCURRENCY));
            }
        }
        Located prefillRamp = merged.get(Attribute.PREFILL_CONCURRENCY_RAMP_DURATION.methodName());
        if (prefillRamp != null && !merged.containsKey(Attribute.PREFILL_CONCURRENCY.methodName())) {
            errors.add(prefillRamp.error(ErrorMessages.PREFILL_RAMP_WITHOUT_PREFILL));
        }
        Located warmupPrefillRamp = merged.get(Attribute.WARMUP_PREFILL_CONCURRENCY_RAMP_DURATION.methodName());
        if (warmupPrefillRamp != null && !merged.containsKey(Attribute.WARMUP_PREFILL_CONCURRENCY.methodName())
                && !merged.containsKey(Attribute.PREFILL_CONCURRENCY.methodName())) {
            errors.add(warmupPrefillRamp.error(ErrorMessages.WARMUP_PREFILL_RAMP_WITHOUT_PREFILL));
        }
        boolean warmupRate = merged.containsKey(Attribute.WARMUP_REQUEST_RATE.methodName());
        boolean profilingRate = merged.containsKey(Attribute.REQUEST_RATE.methodName());
        Located warmupRateRamp = merged.get(Attribute.WARMUP_REQUEST_RATE_RAMP_DURATION.methodName());
        if (warmupRateRamp != null && !warmupRate && !profilingRate) {
            errors.add(warmupRateRamp.error(ErrorMessages.WARMUP_RATE_RAMP_WITHOUT_RATE));
        }
        // An open-loop warmup has no concurrency limit unless one is written; closed loop always has one.
        Located warmupConcurrencyRamp = merged.get(Attribute.WARMUP_CONCURRENCY_RAMP_DURATION.methodName());
        if (warmupConcurrencyRamp != null && (warmupRate || profilingRate)
                && !merged.containsKey(Attribute.WARMUP_CONCURRENCY.methodName())
                && !merged.containsKey(Attribute.CONCURRENCY.methodName())) {
            errors.add(warmupConcurrencyRamp.error(ErrorMessages.WARMUP_CONCURRENCY_RAMP_WITHOUT_CONCURRENCY));
        }
    }

    /** The attribute as a reader finds it in the source, for messages. */
    private static String describe(Attribute attribute) {
        return attribute == Attribute.FIXED_SCHEDULE ? "fixedSchedule = true" : attribute.memberName();
    }

    private static List<AttributeProblem> positive(Attribute attribute, double value, String byDefault) {
        return value > 0 && Double.isFinite(value) ? List.of()
                : List.of(AttributeProblem.whole(ErrorMessages.LOAD_NOT_POSITIVE, attribute.memberName(), value,
                        attribute.memberName(), byDefault));
    }
}
