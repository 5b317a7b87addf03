package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** {@code @Load} settings resolve per attribute: command line, then annotation, then defaults. */
class AnnotatedLoadResolutionTest {

    private static final AnnotatedSettings ANNOTATED = AnnotatedSettings.builder()
            .requestRate(2, 4)
            .arrivalPattern(io.llmbench.annotations.ArrivalPattern.GAMMA)
            .arrivalSmoothness(0.5)
            .benchmarkDuration(20)
            .benchmarkGracePeriod(Double.POSITIVE_INFINITY)
            .requestCancellationRate(10)
            .requestCancellationDelay(0.25)
            .prefillConcurrency(3)
            .numProfileRuns(2)
            .build();

    private static List<RunSpec> resolve(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m").resolve("b.Bench", annotated, true);
    }

    @Test
    void annotatedRateListIsASweepWithOnePointPerRate() {
        List<RunSpec> points = resolve(ANNOTATED);
        assertEquals(2, points.size());
        assertEquals(Map.of("requestRate", "2"), points.get(0).point());
        assertEquals(4, points.get(1).load().profiling().requestRate());
    }

    @Test
    void annotatedValuesApplyWhereTheCommandLineIsSilent() {
        LoadSpec load = resolve(ANNOTATED).get(0).load();
        PhaseLoad profiling = load.profiling();
        assertEquals(2, profiling.requestRate());
        assertEquals(ArrivalPattern.GAMMA, profiling.arrivalPattern());
        assertEquals(0.5, profiling.arrivalSmoothness());
        assertEquals(Duration.ofSeconds(20), profiling.duration());
        assertNull(profiling.gracePeriod(), "infinity waits for every request");
        assertEquals(PhaseLoad.UNLIMITED, load.requestCount(), "a duration stops the phase");
        assertEquals(10, load.cancellationRate());
        assertEquals(Duration.ofMillis(250), load.cancellationDelay());
        assertEquals(3, profiling.prefillConcurrency());
        assertEquals(2, load.numProfileRuns());
    }

    @Test
    void theCommandLineWinsPerAttributeAndKeepsTheOtherAnnotatedValues() {
        List<RunSpec> points = resolve(ANNOTATED, "--request-rate", "7", "--benchmark-grace-period", "5",
                "--num-profile-runs", "4");
        assertEquals(1, points.size(), "--request-rate replaces the annotated sweep");
        LoadSpec load = points.get(0).load();
        assertEquals(7, load.profiling().requestRate());
        assertEquals(Duration.ofSeconds(5), load.profiling().gracePeriod());
        assertEquals(4, load.numProfileRuns());
        assertEquals(Duration.ofSeconds(20), load.profiling().duration(), "still the annotation's");
        assertEquals(0.5, load.profiling().arrivalSmoothness(), "still the annotation's");
    }

    @Test
    void aCommandLinePatternOtherThanGammaDropsTheAnnotatedSmoothness() {
        PhaseLoad profiling = resolve(ANNOTATED, "--arrival-pattern", "constant").get(0).load().profiling();
        assertEquals(ArrivalPattern.CONSTANT, profiling.arrivalPattern());
        assertEquals(1, profiling.arrivalSmoothness());
    }

    @Test
    void defaultsApplyWhereNeitherSays() {
        LoadSpec load = resolve(AnnotatedSettings.builder().requestRate(5).build()).get(0).load();
        assertEquals(ArrivalPattern.POISSON, load.profiling().arrivalPattern());
        assertEquals(50, load.requestCount(), "ten seconds of the rate");
        assertEquals(1, load.numProfileRuns());
        assertEquals(0, load.cancellationRate());
        assertTrue(load.profiling().openLoop());
    }

    @Test
    void fixedScheduleOnTheCommandLineContradictsAnAnnotatedRate() {
        String message = assertThrows(UserInputException.class,
                () -> resolve(AnnotatedSettings.builder().requestRate(5).build(), "--fixed-schedule")).getMessage();
        assertTrue(message.contains("@Load(requestRate)"), message);
    }

    @Test
    void annotatedFixedScheduleTurnsTheReplayOnAndTheCommandLineMayAddItsOffsets() {
        LoadSpec load = resolve(AnnotatedSettings.builder().fixedSchedule(true).build(),
                "--fixed-schedule-start-offset", "100").get(0).load();
        assertTrue(load.fixedSchedule().enabled());
        assertEquals(100, load.fixedSchedule().startOffsetMs());
        assertTrue(!resolve(AnnotatedSettings.builder().fixedSchedule(false).build()).get(0).load()
                .fixedSchedule().enabled());
        String message = assertThrows(UserInputException.class,
                () -> resolve(AnnotatedSettings.builder().fixedSchedule(true).build(), "--request-rate", "5"))
                .getMessage();
        assertTrue(message.contains("drop one of them"), message);
    }

    @Test
    void writtenListsTheLoadAttributes() {
        Map<String, String> written = ANNOTATED.written();
        assertEquals("{2.0, 4.0}", written.get("requestRate"));
        assertEquals("GAMMA", written.get("arrivalPattern"));
        assertEquals("Infinity", written.get("benchmarkGracePeriod"));
        assertArrayEquals(new double[] {2, 4}, ANNOTATED.load().requestRate());
    }
}
