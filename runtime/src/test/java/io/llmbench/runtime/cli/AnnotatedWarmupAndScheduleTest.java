package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.ArrivalPattern;
import io.llmbench.runtime.spec.FixedSchedule;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code @Warmup}'s load and {@code @Load}'s fixed-schedule offsets resolve under the command line. */
class AnnotatedWarmupAndScheduleTest {

    private static LoadSpec resolve(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m")
                .resolve("b.Bench", annotated, true).get(0).load();
    }

    private static final AnnotatedSettings WARMUP = AnnotatedSettings.builder()
            .requestRate(10).warmupDuration(3).warmupConcurrency(2).warmupRequestRate(4)
            .warmupArrivalPattern(io.llmbench.annotations.ArrivalPattern.CONSTANT).warmupGracePeriod(1.5).build();

    @Test
    void annotatedWarmupLoadAppliesWhereTheCommandLineIsSilent() {
        PhaseLoad warmup = resolve(WARMUP).warmup();
        assertEquals(Duration.ofSeconds(3), warmup.duration());
        assertEquals(2, warmup.concurrency());
        assertEquals(4, warmup.requestRate());
        assertEquals(ArrivalPattern.CONSTANT, warmup.arrivalPattern());
        assertEquals(Duration.ofMillis(1500), warmup.gracePeriod());
        assertEquals(10, resolve(WARMUP).profiling().requestRate(), "profiling keeps its own rate");
    }

    @Test
    void theCommandLineOverridesEachWarmupSetting() {
        PhaseLoad warmup = resolve(WARMUP, "--warmup-duration", "5", "--warmup-concurrency", "3",
                "--warmup-request-rate", "6", "--warmup-arrival-pattern", "poisson", "--warmup-grace-period", "2")
                .warmup();
        assertEquals(Duration.ofSeconds(5), warmup.duration());
        assertEquals(3, warmup.concurrency());
        assertEquals(6, warmup.requestRate());
        assertEquals(ArrivalPattern.POISSON, warmup.arrivalPattern());
        assertEquals(Duration.ofSeconds(2), warmup.gracePeriod());
        PhaseLoad unset = resolve(AnnotatedSettings.builder().requestRate(10).build()).warmup();
        assertNull(unset.duration());
        assertEquals(10, unset.requestRate(), "the warmup rate defaults to the profiling rate");
    }

    @Test
    void anAnnotatedWarmupDurationSatisfiesAGracePeriodOption() {
        AnnotatedSettings duration = AnnotatedSettings.builder().warmupDuration(4).build();
        assertEquals(Duration.ofSeconds(1), resolve(duration, "--warmup-grace-period", "1").warmup().gracePeriod());
        UserInputException e = assertThrows(UserInputException.class,
                () -> resolve(AnnotatedSettings.unset(), "--warmup-grace-period", "1"));
        assertTrue(e.getMessage().startsWith("--warmup-grace-period applies only with --warmup-duration"),
                e.getMessage());
    }

    @Test
    void annotatedScheduleOffsetsApplyAndAnOffsetOptionReplacesTheStart() {
        AnnotatedSettings offsets = AnnotatedSettings.builder().fixedSchedule(true).fixedScheduleStartOffset(100)
                .fixedScheduleEndOffset(900).build();
        assertEquals(new FixedSchedule(true, false, 100, 900), resolve(offsets).fixedSchedule());
        assertEquals(new FixedSchedule(true, true, -1, 500),
                resolve(offsets, "--fixed-schedule-auto-offset", "--fixed-schedule-end-offset", "500").fixedSchedule());
        AnnotatedSettings auto = AnnotatedSettings.builder().fixedSchedule(true).fixedScheduleAutoOffset(true).build();
        assertEquals(new FixedSchedule(true, true, -1, -1), resolve(auto).fixedSchedule());
        assertEquals(new FixedSchedule(true, false, 20, -1),
                resolve(auto, "--fixed-schedule-start-offset", "20").fixedSchedule());
    }
}
