package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.ArrivalPattern;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import io.llmbench.runtime.spec.RunSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    private static List<RunSpec> resolve(String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m")
                .resolve("b.Bench", AnnotatedSettings.unset(), true);
    }

    private static LoadSpec load(String... args) {
        return resolve(args).get(0).load();
    }

    private static String error(String... args) {
        return assertThrows(UserInputException.class, () -> resolve(args)).getMessage();
    }

    @Test
    void requestRateIsOpenLoopWithoutACapUnlessConcurrencyIsGiven() {
        PhaseLoad open = load("--request-rate", "50", "--request-count", "100").profiling();
        assertTrue(open.openLoop());
        assertEquals(50, open.requestRate());
        assertEquals(ArrivalPattern.POISSON, open.arrivalPattern(), "AIPerf's default pattern");
        assertEquals(PhaseLoad.UNLIMITED, open.concurrency());
        assertEquals(100, open.requestCount());
        assertEquals(8, load("--request-rate", "50", "--concurrency", "8").profiling().concurrency());
        assertEquals(500, load("--request-rate", "50").requestCount(), "default: ten seconds of the rate");
        PhaseLoad closed = load("--concurrency", "4").profiling();
        assertTrue(!closed.openLoop());
        assertEquals(40, closed.requestCount());
    }

    @Test
    void aipersRenamedFlagsAreAcceptedUnderBothNames() {
        LoadSpec renamed = load("--request-rate", "5", "--request-rate-mode", "gamma", "--vllm-burstiness", "0.5",
                "--num-requests", "7", "--num-warmup-requests", "3");
        assertEquals(ArrivalPattern.GAMMA, renamed.profiling().arrivalPattern());
        assertEquals(0.5, renamed.profiling().arrivalSmoothness());
        assertEquals(7, renamed.requestCount());
        assertEquals(3, renamed.warmupRequestCount());
        assertEquals(ArrivalPattern.GAMMA,
                load("--request-rate", "5", "--arrival-smoothness", "2").profiling().arrivalPattern(),
                "a smoothness alone means gamma");
        assertTrue(error("--request-count", "3", "--num-requests", "3").contains("same option"));
    }

    @Test
    void durationSendsUntilItEndsWithAipersDefaultGrace() {
        PhaseLoad timed = load("--concurrency", "2", "--benchmark-duration", "60").profiling();
        assertEquals(Duration.ofSeconds(60), timed.duration());
        assertEquals(PhaseLoad.UNLIMITED, timed.requestCount());
        assertEquals(Duration.ofSeconds(30), timed.gracePeriod());
        assertNull(load("--benchmark-duration", "1", "--benchmark-grace-period", "inf").profiling().gracePeriod(),
                "inf waits for every request");
        assertEquals(Duration.ofMillis(2500),
                load("--benchmark-duration", "1", "--benchmark-grace-period", "2.5").profiling().gracePeriod());
        assertTrue(error("--benchmark-grace-period", "5").contains("--benchmark-duration"));
    }

    @Test
    void warmupHasItsOwnCountDurationAndLoad() {
        LoadSpec spec = load("--request-rate", "20", "--concurrency", "4", "--warmup-duration", "5",
                "--warmup-request-rate", "2", "--warmup-arrival-pattern", "constant", "--warmup-concurrency", "1");
        PhaseLoad warmup = spec.warmup();
        assertEquals(Duration.ofSeconds(5), warmup.duration());
        assertEquals(2, warmup.requestRate());
        assertEquals(ArrivalPattern.CONSTANT, warmup.arrivalPattern());
        assertEquals(1, warmup.concurrency());
        assertNull(warmup.gracePeriod(), "warmup waits for its requests unless told otherwise");
        assertTrue(load("--concurrency", "4").warmup().isEmpty());
        assertEquals(6, load("--concurrency", "4", "--warmup-request-count", "6").warmup().requestCount());
    }

    @Test
    void requestRatesSweepLikeConcurrencies() {
        List<RunSpec> specs = resolve("--request-rate", "1,2.5", "--concurrency", "1,4");
        assertEquals(4, specs.size());
        assertEquals(Map.of("concurrency", "1", "requestRate", "2.5"), specs.get(1).point());
        assertEquals(2.5, specs.get(1).load().profiling().requestRate());
    }

    @Test
    void rampsCancellationRunsAndFixedScheduleResolve() {
        LoadSpec spec = load("--request-rate", "10", "--concurrency", "8", "--concurrency-ramp-duration", "3",
                "--request-rate-ramp-duration", "4", "--request-cancellation-rate", "10",
                "--request-cancellation-delay", "0.5", "--num-profile-runs", "3", "--random-seed", "5");
        assertEquals(Duration.ofSeconds(3), spec.profiling().concurrencyRamp());
        assertEquals(Duration.ofSeconds(4), spec.profiling().requestRateRamp());
        assertEquals(10, spec.cancellationRate());
        assertEquals(Duration.ofMillis(500), spec.cancellationDelay());
        assertEquals(3, spec.numProfileRuns());
        assertEquals(5, spec.scheduleSeed());
        LoadSpec fixed = load("--fixed-schedule", "--fixed-schedule-start-offset", "100",
                "--fixed-schedule-end-offset", "900");
        assertTrue(fixed.fixedSchedule().enabled());
        assertEquals(100, fixed.fixedSchedule().startOffsetMs());
        assertEquals(900, fixed.fixedSchedule().endOffsetMs());
    }

    @Test
    void contradictionsAndBadValuesFailWithOneLineSayingWhatToDo() {
        assertTrue(error("--request-rate", "0").contains("> 0"));
        assertTrue(error("--request-rate", "5", "--arrival-pattern", "weibull").contains("constant, poisson, gamma"));
        assertTrue(error("--arrival-pattern", "constant").contains("--request-rate"));
        assertTrue(error("--request-rate", "5", "--arrival-pattern", "poisson", "--arrival-smoothness", "2")
                .contains("gamma only"));
        assertTrue(error("--request-rate-ramp-duration", "5").contains("not set"));
        assertTrue(error("--request-cancellation-delay", "1").contains("--request-cancellation-rate"));
        assertTrue(error("--request-cancellation-rate", "150").contains("≤ 100"));
        assertTrue(error("--num-profile-runs", "11").contains("1 to 10"));
        assertTrue(error("--fixed-schedule-auto-offset").contains("--fixed-schedule"));
        assertTrue(error("--fixed-schedule", "--fixed-schedule-auto-offset", "--fixed-schedule-start-offset", "5")
                .contains("give one of them"));
        assertTrue(error("--fixed-schedule", "--request-rate", "5").contains("drop one"));
        assertTrue(error("--request-rate", "5", "--concurrency-ramp-duration", "2").contains("--concurrency"));
        assertTrue(error("--arrival-pattern", "concurrency_burst").contains("--request-count"));
    }
}
