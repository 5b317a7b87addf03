package io.llmbench.processor;

import java.util.List;
import java.util.Map;

/**
 * The rules of {@code @Load}'s repeated-run attributes (cooldown, confidence level, warmup after the
 * first run, consistent seed): the ranges the command line accepts, and, as AIPerf refuses these
 * options for a single run, that the class (or a superclass) writes {@code numProfileRuns} above 1.
 */
final class ProfileRunRules {

    private static final List<Attribute> NEED_RUNS = List.of(Attribute.PROFILE_RUN_COOLDOWN_SECONDS,
            Attribute.CONFIDENCE_LEVEL, Attribute.PROFILE_RUN_DISABLE_WARMUP_AFTER_FIRST,
            Attribute.SET_CONSISTENT_SEED);

    private ProfileRunRules() {
    }

    /** Every problem with one written repeated-run attribute. */
    static List<AttributeProblem> check(WrittenAttribute written) {
        switch (written.attribute()) {
            case PROFILE_RUN_COOLDOWN_SECONDS: {
                double seconds = (Double) written.value();
                return seconds >= 0 && Double.isFinite(seconds) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.COOLDOWN_NEGATIVE, seconds));
            }
            case CONFIDENCE_LEVEL: {
                double level = (Double) written.value();
                return level > 0 && level < 1 ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.CONFIDENCE_LEVEL_OUT_OF_RANGE, level));
            }
            case PROFILE_RUN_DISABLE_WARMUP_AFTER_FIRST:
            case SET_CONSISTENT_SEED:
                return EndpointRules.oneFlag(written);
            default:
                throw new AssertionError("not a repeated-run attribute: " + written.attribute());
        }
    }

    /** Each repeated-run setting of the merged settings needs {@code numProfileRuns} above 1. */
    static void checkCombinations(Map<String, Located> merged, List<CompileError> errors) {
        Located runs = merged.get(Attribute.NUM_PROFILE_RUNS.methodName());
        if (runs != null && (Integer) runs.written().value() > 1) {
            return;
        }
        String given = runs == null ? "not written" : runs.written().value().toString();
        for (Attribute setting : NEED_RUNS) {
            Located located = merged.get(setting.methodName());
            if (located != null) {
                errors.add(located.error(String.format(ErrorMessages.PROFILE_RUN_SETTING_WITHOUT_RUNS,
                        setting.memberName(), given, setting.memberName())));
            }
        }
    }
}
