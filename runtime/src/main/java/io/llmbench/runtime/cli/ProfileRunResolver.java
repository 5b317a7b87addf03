package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedProfileRuns;
import io.llmbench.runtime.spec.ProfileRunPolicy;
import java.time.Duration;

/**
 * Resolves the policy of repeated runs per setting: command line, then {@code @Load}, then AIPerf's
 * defaults. As AIPerf does, a setting given (either way) while the point runs once is refused: it
 * would do nothing, and the user probably meant more runs.
 */
final class ProfileRunResolver {

    private ProfileRunResolver() {
    }

    /**
     * @param cli the command line's options, or {@code null} when none was parsed
     * @param annotated the class's {@code @Load} attributes
     * @param numProfileRuns the resolved number of runs ({@code null}: 1)
     * @param seedGiven whether {@code --random-seed} or an annotated seed was given
     */
    static ProfileRunPolicy resolve(ProfileRunOptions.ProfileRunCli cli, AnnotatedProfileRuns annotated,
            Integer numProfileRuns, boolean seedGiven) {
        ProfileRunOptions.ProfileRunCli given = cli == null ? ProfileRunOptions.ProfileRunCli.none() : cli;
        Double cooldown = first(given.cooldownSeconds(), decimal(annotated.profileRunCooldownSeconds()));
        Double level = first(given.confidenceLevel(), decimal(annotated.confidenceLevel()));
        Boolean warmupFirstOnly = first(given.disableWarmupAfterFirst(),
                bool(annotated.profileRunDisableWarmupAfterFirst()));
        Boolean consistentSeed = first(given.consistentSeed(), bool(annotated.setConsistentSeed()));
        if (numProfileRuns == null || numProfileRuns <= 1) {
            refuseSingleRun(cooldown, ProfileRunOptions.COOLDOWN, "profileRunCooldownSeconds");
            refuseSingleRun(level, ProfileRunOptions.CONFIDENCE_LEVEL, "confidenceLevel");
            refuseSingleRun(warmupFirstOnly, ProfileRunOptions.DISABLE_WARMUP_AFTER_FIRST,
                    "profileRunDisableWarmupAfterFirst");
            refuseSingleRun(consistentSeed, ProfileRunOptions.CONSISTENT_SEED, "setConsistentSeed");
        }
        ProfileRunPolicy defaults = ProfileRunPolicy.defaults();
        return new ProfileRunPolicy(
                cooldown == null ? defaults.cooldown() : Duration.ofNanos(Math.round(cooldown * 1e9)),
                level == null ? defaults.confidenceLevel() : level,
                warmupFirstOnly == null ? defaults.disableWarmupAfterFirst() : warmupFirstOnly,
                consistentSeed == null ? defaults.consistentSeed() : consistentSeed, seedGiven);
    }

    private static void refuseSingleRun(Object setting, String option, String attribute) {
        if (setting != null) {
            throw new UserInputException("--" + option + " (or @Load(" + attribute + ")) applies only to repeated "
                    + "runs, but the point runs once: add --num-profile-runs 2 or more (up to "
                    + LoadOptions.MAX_PROFILE_RUNS + "), or drop it");
        }
    }

    private static Double decimal(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static Boolean bool(boolean[] values) {
        return values.length == 0 ? null : values[0];
    }

    private static <T> T first(T given, T annotated) {
        return given != null ? given : annotated;
    }
}
