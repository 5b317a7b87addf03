package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code @Load}'s sessions, user-centric rate and prefill ramp, and {@code @Warmup}'s sessions, prefill
 * limit and ramps, resolve under the command line per attribute.
 */
class AnnotatedSessionLoadTest {

    private static LoadSpec resolve(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m")
                .resolve("b.Bench", annotated, true).get(0).load();
    }

    private static String error(AnnotatedSettings annotated, String... args) {
        return assertThrows(UserInputException.class, () -> resolve(annotated, args)).getMessage();
    }

    private static final AnnotatedSettings SESSIONS = AnnotatedSettings.builder()
            .conversationNum(7).prefillConcurrency(4).prefillConcurrencyRampDuration(3)
            .warmupNumSessions(2).warmupPrefillConcurrency(2).warmupConcurrencyRampDuration(1)
            .warmupPrefillConcurrencyRampDuration(0.5).build();

    @Test
    void annotatedSessionSettingsApplyWhereTheCommandLineIsSilent() {
        LoadSpec load = resolve(SESSIONS);
        assertEquals(7, load.sessions().sessionCount());
        assertEquals(PhaseLoad.UNLIMITED, load.profiling().requestCount(), "sessions are the stop condition");
        assertEquals(Duration.ofSeconds(3), load.profiling().prefillConcurrencyRamp());
        assertEquals(2, load.sessions().warmupSessionCount());
        assertEquals(2, load.warmup().prefillConcurrency());
        assertEquals(Duration.ofSeconds(1), load.warmup().concurrencyRamp());
        assertEquals(Duration.ofMillis(500), load.warmup().prefillConcurrencyRamp());
    }

    @Test
    void theCommandLineOverridesEachSessionSetting() {
        LoadSpec load = resolve(SESSIONS, "--conversation-num", "9", "--prefill-concurrency-ramp-duration", "6",
                "--num-warmup-sessions", "5", "--warmup-prefill-concurrency", "3",
                "--warmup-concurrency-ramp-duration", "4", "--warmup-prefill-concurrency-ramp-duration", "2");
        assertEquals(9, load.sessions().sessionCount());
        assertEquals(Duration.ofSeconds(6), load.profiling().prefillConcurrencyRamp());
        assertEquals(5, load.sessions().warmupSessionCount());
        assertEquals(3, load.warmup().prefillConcurrency());
        assertEquals(Duration.ofSeconds(4), load.warmup().concurrencyRamp());
        assertEquals(Duration.ofSeconds(2), load.warmup().prefillConcurrencyRamp());
    }

    @Test
    void annotatedWarmupRateRampAppliesAndItsOptionOverridesIt() {
        AnnotatedSettings ramp = AnnotatedSettings.builder().requestRate(5).warmupRequestRateRampDuration(2).build();
        assertEquals(Duration.ofSeconds(2), resolve(ramp).warmup().requestRateRamp());
        assertNull(resolve(ramp).profiling().requestRateRamp(), "the warmup ramp is the warmup's own");
        assertEquals(Duration.ofSeconds(3),
                resolve(ramp, "--warmup-request-rate-ramp-duration", "3").warmup().requestRateRamp());
    }

    @Test
    void aRequestCountOptionReplacesTheAnnotatedSessionCountAndTheOtherWayRound() {
        LoadSpec counted = resolve(SESSIONS, "--request-count", "12", "--warmup-request-count", "3");
        assertEquals(PhaseLoad.UNLIMITED, counted.sessions().sessionCount());
        assertEquals(12, counted.profiling().requestCount());
        assertEquals(PhaseLoad.UNLIMITED, counted.sessions().warmupSessionCount());
        assertEquals(3, counted.warmup().requestCount());
        AnnotatedSettings requests = AnnotatedSettings.builder().requestCount(12).warmupRequestCount(3).build();
        LoadSpec sessions = resolve(requests, "--conversation-num", "4", "--num-warmup-sessions", "2");
        assertEquals(4, sessions.sessions().sessionCount());
        assertEquals(PhaseLoad.UNLIMITED, sessions.profiling().requestCount());
        assertEquals(2, sessions.sessions().warmupSessionCount());
        assertEquals(PhaseLoad.UNLIMITED, sessions.warmup().requestCount());
    }

    @Test
    void annotatedUserCentricRateAppliesAndEachOptionOverridesItsAttribute() {
        AnnotatedSettings users = AnnotatedSettings.builder().userCentricRate(2.5).numUsers(10).build();
        LoadSpec load = resolve(users);
        assertTrue(load.sessions().userCentric());
        assertEquals(2.5, load.sessions().userCentricRate());
        assertEquals(10, load.sessions().numUsers());
        assertEquals(PhaseLoad.UNLIMITED, load.profiling().concurrency(), "users pace themselves");
        assertEquals(4, resolve(users, "--concurrency", "4").profiling().concurrency(), "a ceiling over the users");
        assertNull(load.profiling().gracePeriod());
        assertEquals(20, resolve(users, "--num-users", "20").sessions().numUsers(), "--num-users alone overrides");
        assertEquals(5, resolve(users, "--user-centric-rate", "5").sessions().userCentricRate());
        assertTrue(resolve(AnnotatedSettings.builder().numUsers(3).build(), "--user-centric-rate", "1")
                .sessions().userCentric(), "an annotated numUsers satisfies --user-centric-rate");
    }

    @Test
    void annotatedUserCentricRateIsRefusedWithTheOtherPacingsAsOnTheCommandLine() {
        AnnotatedSettings users = AnnotatedSettings.builder().userCentricRate(2.5).numUsers(10).build();
        assertTrue(error(users, "--request-rate", "4").contains("cannot be combined"));
        assertTrue(error(AnnotatedSettings.builder().userCentricRate(1).build()).contains("needs --num-users"));
        assertTrue(error(AnnotatedSettings.builder().numUsers(1).build())
                .contains("applies only with --user-centric-rate"));
        assertTrue(error(AnnotatedSettings.builder().prefillConcurrencyRampDuration(2).build())
                .contains("ramps --prefill-concurrency, which is not set"));
    }
}
