package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.BENCH;
import static io.llmbench.processor.TestSources.IMPORTS;
import static io.llmbench.processor.TestSources.PKG;
import static io.llmbench.processor.TestSources.assertOnlyErrorOnLine;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** {@code @Warmup}'s load attributes and {@code @Load}'s fixed-schedule offsets. */
class WarmupAndScheduleAnnotationTest {

    @Test
    void everyWrittenAttributeBecomesASetterCall() {
        Compilation compilation = compile(source("test.Bench", PKG, IMPORTS, "@LlmBenchmark",
                "@Warmup(requestCount = 5, duration = 3, concurrency = 2, requestRate = 4,",
                "    arrivalPattern = ArrivalPattern.CONSTANT, gracePeriod = Double.POSITIVE_INFINITY)",
                "@Load(fixedSchedule = true, fixedScheduleStartOffset = 100, fixedScheduleEndOffset = 900)",
                BENCH));
        assertThat(compilation).succeededWithoutWarnings();
        String runner = compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents)
                .orElseThrow();
        assertThat(runner).contains(String.join("\n",
                "                .warmupRequestCount(5)",
                "                .fixedSchedule(true)",
                "                .warmupDuration(3.0)",
                "                .warmupConcurrency(2)",
                "                .warmupRequestRate(4.0)",
                "                .warmupArrivalPattern(ArrivalPattern.CONSTANT)",
                "                .warmupGracePeriod(Double.POSITIVE_INFINITY)",
                "                .fixedScheduleStartOffset(100)",
                "                .fixedScheduleEndOffset(900)",
                "                .build();"));
    }

    @Test
    void invalidValuesAreRejectedAtTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.LOAD_NOT_POSITIVE, "duration", 0.0, "duration",
                        "stop by warmup request count"),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(", "    duration = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.LOAD_NOT_POSITIVE, "requestRate", -1.0, "requestRate",
                        "the profiling rate"),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(requestRate = -1)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "concurrency", 0, 1, "concurrency"),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(concurrency = 0)", BENCH);
        assertOnlyErrorOnLine(4, ErrorMessages.WARMUP_PATTERN_UNSET,
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(arrivalPattern = ArrivalPattern.UNSET)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.WARMUP_GRACE_NEGATIVE, -1.0),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(duration = 2, gracePeriod = -1)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "fixedScheduleEndOffset", -5, 0,
                        "fixedScheduleEndOffset"),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(fixedSchedule = true, fixedScheduleEndOffset = -5)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.ONE_FLAG_VALUE, "fixedScheduleAutoOffset", 2,
                        "fixedScheduleAutoOffset", "fixedScheduleAutoOffset"),
                PKG, IMPORTS, "@LlmBenchmark",
                "@Load(fixedSchedule = true, fixedScheduleAutoOffset = {true, false})", BENCH);
    }

    @Test
    void settingsThatNeedOrExcludeAnotherFailAtTheValueThatHasToGo() {
        assertOnlyErrorOnLine(5, ErrorMessages.WARMUP_GRACE_WITHOUT_DURATION,
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(concurrency = 2,", "    gracePeriod = 1)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.OFFSET_WITHOUT_FIXED_SCHEDULE,
                        "fixedScheduleStartOffset", "fixedScheduleStartOffset"),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(prefillConcurrency = 2,", "    fixedScheduleStartOffset = 10)",
                BENCH);
        assertOnlyErrorOnLine(5, ErrorMessages.AUTO_OFFSET_WITH_START,
                PKG, IMPORTS, "@LlmBenchmark", "@Load(fixedSchedule = true, fixedScheduleAutoOffset = true,",
                "    fixedScheduleStartOffset = 10)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.START_AFTER_END, 50, 10),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(fixedSchedule = true, fixedScheduleEndOffset = 10,",
                "    fixedScheduleStartOffset = 50)", BENCH);
    }
}
