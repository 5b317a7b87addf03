package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import io.llmbench.runtime.spec.SessionLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionOptionsTest {

    private static LoadSpec load(String... args) {
        return load(AnnotatedSettings.unset(), args);
    }

    private static LoadSpec load(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m").resolve("b.Bench", annotated, true)
                .get(0).load();
    }

    private static String error(String... args) {
        return assertThrows(UserInputException.class, () -> load(args)).getMessage();
    }

    @Test
    void sessionCountReplacesTheRequestCountAsStopCondition() {
        for (String option : new String[] {"--conversation-num", "--num-conversations", "--num-sessions"}) {
            LoadSpec load = load(option, "5");
            assertEquals(5, load.sessions().sessionCount(), option);
            assertEquals(PhaseLoad.UNLIMITED, load.profiling().requestCount(), option);
        }
        assertEquals(PhaseLoad.UNLIMITED, load().sessions().sessionCount(), "no limit unless given");
        assertTrue(error("--num-sessions", "5", "--request-count", "9").contains("give one of them"));
        assertTrue(error("--num-sessions", "5", "--conversation-num", "9").contains("same option"));
        assertTrue(error("--num-sessions", "0").contains("≥ 1"));
    }

    @Test
    void warmupSessionsMakeAWarmupThatTheyEnd() {
        LoadSpec load = load("--num-warmup-sessions", "2", "--concurrency", "3");
        assertEquals(2, load.sessions().warmupSessionCount());
        assertTrue(!load.warmup().isEmpty());
        assertEquals(3, load.warmup().concurrency());
        assertTrue(error("--num-warmup-sessions", "2", "--warmup-request-count", "4").contains("give one of them"));
    }

    @Test
    void userCentricRateNeedsUsersAndExcludesTheOtherPacings() {
        LoadSpec load = load("--user-centric-rate", "2.5", "--num-users", "10", "--benchmark-duration", "30");
        SessionLoad sessions = load.sessions();
        assertTrue(sessions.userCentric());
        assertEquals(2.5, sessions.userCentricRate());
        assertEquals(10, sessions.numUsers());
        assertEquals(4_000_000_000L, sessions.turnGapNs(), "10 users / 2.5 req/s = 4 s between a user's turns");
        assertEquals(PhaseLoad.UNLIMITED, load.profiling().concurrency(), "users pace themselves");
        assertNull(load.profiling().gracePeriod(), "AIPerf waits for every user-centric turn by default");
        assertEquals(Duration.ofSeconds(3), load("--user-centric-rate", "1", "--num-users", "2",
                "--benchmark-duration", "30", "--benchmark-grace-period", "3").profiling().gracePeriod());
        assertEquals(10, load("--user-centric-rate", "1", "--num-users", "2").profiling().requestCount(),
                "without a stop condition, 10 requests as AIPerf");
        assertTrue(error("--user-centric-rate", "1").contains("needs --num-users"));
        assertTrue(error("--num-users", "3").contains("applies only with --user-centric-rate"));
        assertTrue(error("--user-centric-rate", "1", "--num-users", "2", "--request-rate", "4")
                .contains("cannot be combined with --request-rate"));
        assertTrue(error("--user-centric-rate", "1", "--num-users", "2", "--arrival-pattern", "constant")
                .contains("cannot be combined"));
        assertEquals(4, load("--user-centric-rate", "1", "--num-users", "2", "--concurrency", "4").profiling()
                .concurrency(), "--concurrency is a ceiling over the users, as in AIPerf");
        assertTrue(error("--user-centric-rate", "0", "--num-users", "2").contains("> 0"));
        String annotatedRate = assertThrows(UserInputException.class, () -> load(
                AnnotatedSettings.builder().requestRate(5).build(), "--user-centric-rate", "1", "--num-users", "2"))
                .getMessage();
        assertTrue(annotatedRate.contains("cannot be combined"), annotatedRate);
    }

    @Test
    void warmupRampsAndPrefillLimitFallBackToTheProfilingOnes() {
        LoadSpec inherited = load("--concurrency", "8", "--concurrency-ramp-duration", "2", "--prefill-concurrency",
                "3", "--warmup-request-count", "5");
        assertEquals(Duration.ofSeconds(2), inherited.warmup().concurrencyRamp());
        assertEquals(3, inherited.warmup().prefillConcurrency());
        LoadSpec own = load("--concurrency", "8", "--concurrency-ramp-duration", "2", "--prefill-concurrency", "3",
                "--warmup-request-count", "5", "--warmup-concurrency-ramp-duration", "0.5",
                "--warmup-prefill-concurrency", "1");
        assertEquals(Duration.ofMillis(500), own.warmup().concurrencyRamp());
        assertEquals(1, own.warmup().prefillConcurrency());
        assertEquals(Duration.ofSeconds(2), own.profiling().concurrencyRamp(), "profiling keeps its own");
        assertEquals(3, own.profiling().prefillConcurrency());

        LoadSpec rates = load("--request-rate", "20", "--request-rate-ramp-duration", "4", "--warmup-request-count",
                "5", "--warmup-request-rate", "5");
        assertEquals(Duration.ofSeconds(4), rates.warmup().requestRateRamp(), "inherited");
        assertEquals(Duration.ofSeconds(1), load("--request-rate", "20", "--warmup-request-count", "5",
                "--warmup-request-rate-ramp-duration", "1").warmup().requestRateRamp());
        assertTrue(error("--warmup-request-count", "5", "--warmup-request-rate-ramp-duration", "1")
                .contains("not set"));
        assertTrue(error("--request-rate", "5", "--warmup-request-count", "5", "--warmup-concurrency-ramp-duration",
                "1").contains("not set"));
        assertTrue(error("--warmup-prefill-concurrency", "0").contains("≥ 1"));
    }

    @Test
    void prefillRampNeedsAPrefillLimitAndTheWarmupInheritsIt() {
        LoadSpec load = load("--prefill-concurrency", "4", "--prefill-concurrency-ramp-duration", "2",
                "--warmup-request-count", "3");
        assertEquals(Duration.ofSeconds(2), load.profiling().prefillConcurrencyRamp());
        assertEquals(Duration.ofSeconds(2), load.warmup().prefillConcurrencyRamp());
        assertEquals(Duration.ofMillis(500), load("--prefill-concurrency", "4", "--warmup-request-count", "3",
                "--warmup-prefill-concurrency-ramp-duration", "0.5").warmup().prefillConcurrencyRamp());
        assertNull(load("--prefill-concurrency", "4").profiling().prefillConcurrencyRamp());
        assertTrue(error("--prefill-concurrency-ramp-duration", "2").contains("not set"));
        assertTrue(error("--warmup-request-count", "3", "--warmup-prefill-concurrency-ramp-duration", "1")
                .contains("not set"));
    }
}
