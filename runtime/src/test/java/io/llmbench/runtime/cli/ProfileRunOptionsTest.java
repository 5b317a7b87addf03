package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.ProfileRunPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The repeated-run options: AIPerf's defaults, one line for each bad value, refused for a single run,
 * and resolved per setting (command line, then {@code @Load}, then defaults).
 */
class ProfileRunOptionsTest {

    private static final AnnotatedSettings ANNOTATED = AnnotatedSettings.builder()
            .numProfileRuns(3)
            .profileRunCooldownSeconds(2)
            .confidenceLevel(0.9)
            .profileRunDisableWarmupAfterFirst(false)
            .setConsistentSeed(false)
            .build();

    private static ProfileRunPolicy policy(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m").resolve("b.Bench", annotated, true)
                .get(0).load().profileRuns();
    }

    private static ProfileRunPolicy policy(String... args) {
        return policy(AnnotatedSettings.unset(), args);
    }

    private static String error(String... args) {
        return assertThrows(UserInputException.class, () -> policy(args)).getMessage();
    }

    @Test
    void defaultsAreAipersNoCooldownNinetyFivePercentWarmupOnceOneSeed() {
        ProfileRunPolicy policy = policy("--num-profile-runs", "3");
        assertEquals(Duration.ZERO, policy.cooldown());
        assertEquals(0.95, policy.confidenceLevel());
        assertTrue(policy.disableWarmupAfterFirst());
        assertTrue(policy.consistentSeed());
        assertFalse(policy.seedPerRun());
        assertEquals(ProfileRunPolicy.defaults(), policy(), "a single run carries the defaults");
    }

    @Test
    void optionsAreReadWithBothFormsOfTheFlags() {
        ProfileRunPolicy policy = policy("--num-profile-runs", "3", "--profile-run-cooldown-seconds", "1.5",
                "--confidence-level", "0.99", "--no-profile-run-disable-warmup-after-first", "--no-set-consistent-seed");
        assertEquals(Duration.ofMillis(1500), policy.cooldown());
        assertEquals(0.99, policy.confidenceLevel());
        assertFalse(policy.disableWarmupAfterFirst());
        assertTrue(policy.seedPerRun(), "no seed given: each run its own");
        assertEquals(7 + 2, policy.seedOfRun(7, 3));
        ProfileRunPolicy positive = policy("--num-profile-runs", "2", "--profile-run-disable-warmup-after-first",
                "--set-consistent-seed");
        assertTrue(positive.disableWarmupAfterFirst());
        assertTrue(positive.consistentSeed());
    }

    @Test
    void anExplicitSeedIsUsedByEveryRunEvenWithoutAConsistentSeed() {
        ProfileRunPolicy policy = policy("--num-profile-runs", "3", "--no-set-consistent-seed", "--random-seed", "5");
        assertFalse(policy.seedPerRun());
        assertEquals(5, policy.seedOfRun(5, 3));
        assertFalse(policy(AnnotatedSettings.builder().numProfileRuns(2).setConsistentSeed(false).randomSeed(9)
                .build()).seedPerRun(), "an annotated seed is explicit too");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--confidence-level | 1.5  | --confidence-level '1.5' must be between 0 and 1 (exclusive), e.g. 0.95",
        "--confidence-level | 0    | --confidence-level '0' must be between 0 and 1",
        "--confidence-level | 1    | --confidence-level '1' must be between 0 and 1",
        "--confidence-level | 95   | --confidence-level '95' must be between 0 and 1",
        "--confidence-level | NaN  | --confidence-level 'NaN' must be between 0 and 1",
        "--confidence-level | high | --confidence-level 'high' is not a number",
        "--profile-run-cooldown-seconds | -1  | --profile-run-cooldown-seconds '-1' must be a number of seconds ≥ 0",
        "--profile-run-cooldown-seconds | inf | --profile-run-cooldown-seconds 'inf' is not a number",
        "--profile-run-cooldown-seconds | Infinity | --profile-run-cooldown-seconds 'Infinity' must be a number of seconds ≥ 0",
    })
    void badValueIsOneLineSayingWhatIsWrong(String option, String value, String expected) {
        String message = error("--num-profile-runs", "3", option, value);
        assertTrue(message.startsWith(expected), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void bothFormsOfAFlagContradictEachOther() {
        assertEquals("--set-consistent-seed and --no-set-consistent-seed contradict each other: give one of them",
                error("--num-profile-runs", "3", "--set-consistent-seed", "--no-set-consistent-seed"));
        assertTrue(error("--num-profile-runs", "3", "--profile-run-disable-warmup-after-first",
                "--no-profile-run-disable-warmup-after-first").contains("contradict each other"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--profile-run-cooldown-seconds, 1       | --profile-run-cooldown-seconds (or @Load(profileRunCooldownSeconds))",
        "--confidence-level, 0.9                 | --confidence-level (or @Load(confidenceLevel))",
        "--profile-run-disable-warmup-after-first | --profile-run-disable-warmup-after-first (or",
        "--no-profile-run-disable-warmup-after-first | --profile-run-disable-warmup-after-first (or",
        "--set-consistent-seed                   | --set-consistent-seed (or @Load(setConsistentSeed))",
        "--no-set-consistent-seed                | --set-consistent-seed (or @Load(setConsistentSeed))",
    })
    void aSettingForASingleRunIsRefusedAsAiperfRefusesIt(String args, String expected) {
        String[] given = args.split(", ");
        String message = error(given);
        assertTrue(message.startsWith(expected), message);
        assertTrue(message.endsWith("applies only to repeated runs, but the point runs once: add --num-profile-runs"
                + " 2 or more (up to 10), or drop it"), message);
        String[] once = new String[given.length + 2];
        System.arraycopy(given, 0, once, 2, given.length);
        once[0] = "--num-profile-runs";
        once[1] = "1";
        assertTrue(error(once).contains("the point runs once"), "an explicit 1 as well");
    }

    @Test
    void annotatedSettingsApplyWhereTheCommandLineIsSilent() {
        ProfileRunPolicy policy = policy(ANNOTATED);
        assertEquals(Duration.ofSeconds(2), policy.cooldown());
        assertEquals(0.9, policy.confidenceLevel());
        assertFalse(policy.disableWarmupAfterFirst());
        assertFalse(policy.consistentSeed());
    }

    @Test
    void theCommandLineWinsPerSetting() {
        ProfileRunPolicy policy = policy(ANNOTATED, "--confidence-level", "0.99", "--set-consistent-seed");
        assertEquals(0.99, policy.confidenceLevel(), "given on the command line");
        assertTrue(policy.consistentSeed(), "given on the command line");
        assertEquals(Duration.ofSeconds(2), policy.cooldown(), "annotated");
        assertFalse(policy.disableWarmupAfterFirst(), "annotated");
        assertTrue(assertThrows(UserInputException.class, () -> policy(ANNOTATED, "--num-profile-runs", "1"))
                .getMessage().contains("the point runs once"), "annotated settings for one run: refused too");
    }
}
