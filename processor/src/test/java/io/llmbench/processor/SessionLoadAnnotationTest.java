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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Load}'s sessions, user-centric rate and prefill ramp, and {@code @Warmup}'s sessions, prefill limit and ramps. */
class SessionLoadAnnotationTest {

    @Test
    void everyWrittenAttributeBecomesASetterCall() {
        Compilation compilation = compile(source("test.Bench", PKG, IMPORTS, "@LlmBenchmark",
                "@Load(conversationNum = 7, userCentricRate = 2.5, numUsers = 10, prefillConcurrency = 4,",
                "    prefillConcurrencyRampDuration = 3)",
                "@Warmup(numSessions = 2, prefillConcurrency = 2, concurrency = 3, concurrencyRampDuration = 1,",
                "    requestRate = 5, requestRateRampDuration = 1.5, prefillConcurrencyRampDuration = 0.5)",
                BENCH));
        assertThat(compilation).succeededWithoutWarnings();
        String runner = compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents)
                .orElseThrow();
        assertThat(runner).contains(String.join("\n",
                "                .prefillConcurrency(4)",
                "                .warmupConcurrency(3)",
                "                .warmupRequestRate(5.0)",
                "                .conversationNum(7)",
                "                .userCentricRate(2.5)",
                "                .numUsers(10)",
                "                .prefillConcurrencyRampDuration(3.0)",
                "                .warmupNumSessions(2)",
                "                .warmupPrefillConcurrency(2)",
                "                .warmupConcurrencyRampDuration(1.0)",
                "                .warmupRequestRateRampDuration(1.5)",
                "                .warmupPrefillConcurrencyRampDuration(0.5)",
                "                .build();"));
    }

    @Test
    void invalidValuesAreRejectedAtTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.BELOW_MINIMUM, "conversationNum", 0, 1,
                        "conversationNum"),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(", "    conversationNum = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.LOAD_NOT_POSITIVE, "userCentricRate", 0.0,
                        "userCentricRate", "off"),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(userCentricRate = 0, numUsers = 2)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "numUsers", 0, 1, "numUsers"),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(userCentricRate = 1, numUsers = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.LOAD_NOT_POSITIVE, "prefillConcurrencyRampDuration",
                        -1.0, "prefillConcurrencyRampDuration", "no ramp"),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(prefillConcurrency = 2, prefillConcurrencyRampDuration = -1)",
                BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "numSessions", 0, 1, "numSessions"),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(numSessions = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "prefillConcurrency", 0, 1,
                        "prefillConcurrency"),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(prefillConcurrency = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.LOAD_NOT_POSITIVE, "concurrencyRampDuration",
                        Double.POSITIVE_INFINITY, "concurrencyRampDuration", "the profiling ramp"),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(concurrencyRampDuration = Double.POSITIVE_INFINITY)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.LOAD_NOT_POSITIVE, "requestRateRampDuration", 0.0,
                        "requestRateRampDuration", "the profiling ramp"),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(requestRate = 2, requestRateRampDuration = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.LOAD_NOT_POSITIVE, "prefillConcurrencyRampDuration",
                        0.0, "prefillConcurrencyRampDuration", "the profiling ramp"),
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(prefillConcurrency = 2, prefillConcurrencyRampDuration = 0)",
                BENCH);
    }

    @Test
    void sessionCountsContradictRequestCountsAsOnTheCommandLine() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.SESSIONS_WITH_REQUEST_COUNT, "conversationNum",
                        "conversationNum"),
                PKG, IMPORTS, "@LlmBenchmark(requestCount = 20)", "@Load(prefillConcurrency = 2,",
                "    conversationNum = 5)", BENCH);
        assertOnlyErrorOnLine(4, ErrorMessages.WARMUP_SESSIONS_WITH_REQUEST_COUNT,
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(requestCount = 3, numSessions = 2)", BENCH);
        assertOnlyErrorOnLine(5, ErrorMessages.WARMUP_SESSIONS_WITH_REQUEST_COUNT,
                PKG, IMPORTS, "@LlmBenchmark(warmupRequestCount = 3)", "@Warmup(",
                "    numSessions = 2)", BENCH);
    }

    @Test
    void aSubclassSessionCountContradictsASuperclassRequestCount() {
        JavaFileObject base = source("test.Base", PKG, IMPORTS, "@LlmBenchmark(requestCount = 20)",
                "public abstract class Base { }");
        JavaFileObject bench = source("test.Bench", PKG, IMPORTS, "@LlmBenchmark",
                "@Load(conversationNum = 5)", "public class Bench extends Base { }");
        Compilation compilation = compile(base, bench);
        assertThat(compilation).hadErrorContaining(String.format(ErrorMessages.SESSIONS_WITH_REQUEST_COUNT,
                "conversationNum", "conversationNum")).inFile(bench).onLine(4);
    }

    @Test
    void userCentricRateNeedsUsersAndExcludesTheOtherPacings() {
        assertOnlyErrorOnLine(4, ErrorMessages.USER_CENTRIC_WITHOUT_USERS,
                PKG, IMPORTS, "@LlmBenchmark", "@Load(userCentricRate = 2)", BENCH);
        assertOnlyErrorOnLine(5, ErrorMessages.USERS_WITHOUT_USER_CENTRIC,
                PKG, IMPORTS, "@LlmBenchmark", "@Load(prefillConcurrency = 2,", "    numUsers = 4)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.USER_CENTRIC_WITH, "requestRate", "requestRate"),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(requestRate = 5,", "    userCentricRate = 2, numUsers = 4)",
                BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.USER_CENTRIC_WITH, "arrivalPattern", "arrivalPattern"),
                PKG, IMPORTS, "@LlmBenchmark",
                "@Load(userCentricRate = 2, numUsers = 4, arrivalPattern = ArrivalPattern.CONCURRENCY_BURST)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.USER_CENTRIC_WITH, "fixedSchedule = true",
                        "fixedSchedule = true"),
                PKG, IMPORTS, "@LlmBenchmark", "@Load(userCentricRate = 2, numUsers = 4, fixedSchedule = true)", BENCH);
        assertOnlyErrorOnLine(4, ErrorMessages.USER_CENTRIC_CONCURRENCY_RAMP_WITHOUT_CONCURRENCY,
                PKG, IMPORTS, "@LlmBenchmark", "@Load(userCentricRate = 2, numUsers = 4, concurrencyRampDuration = 5)",
                BENCH);
        assertThat(compile(source("test.Bench", PKG, IMPORTS, "@LlmBenchmark(concurrency = 4)",
                "@Load(userCentricRate = 2, numUsers = 4, concurrencyRampDuration = 5)", BENCH)))
                .succeededWithoutWarnings();
        Compilation fixedOff = compile(source("test.Bench", PKG, IMPORTS, "@LlmBenchmark",
                "@Load(userCentricRate = 2, numUsers = 4, fixedSchedule = false)", BENCH));
        assertThat(fixedOff).succeededWithoutWarnings();
    }

    @Test
    void rampsNeedWhatTheyRamp() {
        assertOnlyErrorOnLine(4, ErrorMessages.PREFILL_RAMP_WITHOUT_PREFILL,
                PKG, IMPORTS, "@LlmBenchmark", "@Load(prefillConcurrencyRampDuration = 2)", BENCH);
        assertOnlyErrorOnLine(4, ErrorMessages.WARMUP_PREFILL_RAMP_WITHOUT_PREFILL,
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(prefillConcurrencyRampDuration = 2)", BENCH);
        assertOnlyErrorOnLine(4, ErrorMessages.WARMUP_RATE_RAMP_WITHOUT_RATE,
                PKG, IMPORTS, "@LlmBenchmark", "@Warmup(requestRateRampDuration = 2)", BENCH);
        assertOnlyErrorOnLine(5, ErrorMessages.WARMUP_CONCURRENCY_RAMP_WITHOUT_CONCURRENCY,
                PKG, IMPORTS, "@LlmBenchmark", "@Load(requestRate = 5)", "@Warmup(concurrencyRampDuration = 2)",
                BENCH);
        // The profiling settings satisfy the warmup's ramps, as the command line's fall-backs do.
        Compilation fallBack = compile(source("test.Bench", PKG, IMPORTS, "@LlmBenchmark(concurrency = 3)",
                "@Load(requestRate = 5, prefillConcurrency = 2)",
                "@Warmup(concurrencyRampDuration = 2, requestRateRampDuration = 2, prefillConcurrencyRampDuration = 2)",
                BENCH));
        assertThat(fallBack).succeededWithoutWarnings();
    }
}
